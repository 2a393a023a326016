import { compileScheme } from './engine.js';
import type { CompiledScheme } from './engine.js';

// Press transcriptions that iuliia does not ship, as iuliia-style tables.

const VOWELS = ['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ь', 'ъ', 'й'];
const HUSHERS = ['ж', 'ч', 'ш', 'щ'];

function afterVowels(letter: string, value: string): Record<string, string> {
  const out: Record<string, string> = { [letter]: value };
  for (const v of VOWELS) out[v + letter] = value;
  return out;
}

function afterHushers(letter: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of HUSHERS) out[h + letter] = value;
  return out;
}

const BASE = {
  а: 'a',
  б: 'b',
  г: 'g',
  д: 'd',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  т: 't',
  у: 'u',
  ф: 'f',
  ъ: '',
  ь: '',
  э: 'e',
};

/** German press (Duden) transcription. */
const GERMAN = {
  name: 'german',
  description: 'German press (Duden)',
  samples: [],
  mapping: {
    ...BASE,
    в: 'w',
    е: 'e',
    ё: 'jo',
    ж: 'sch',
    з: 's',
    й: 'i',
    с: 's',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
  },
  prev_mapping: { ...afterVowels('е', 'je'), ...afterHushers('ё', 'o'), ьо: 'jo' },
  next_mapping: { йа: 'j', йу: 'j', йо: 'j', ьи: 'j', ьо: '' },
  ending_mapping: { ий: 'i', ый: 'y' },
};

/** French press transcription. */
const FRENCH = {
  name: 'french',
  description: 'French press',
  samples: [],
  mapping: {
    ...BASE,
    в: 'v',
    е: 'e',
    ё: 'io',
    ж: 'j',
    з: 'z',
    й: 'ï',
    с: 's',
    у: 'ou',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ы: 'y',
    ю: 'iou',
    я: 'ia',
  },
  prev_mapping: { ...afterVowels('е', 'ie'), ...afterHushers('ё', 'o'), ге: 'ue', ги: 'ui' },
  next_mapping: { ьо: 'i', йа: 'ï', йо: 'ï' },
  ending_mapping: { ий: 'i', ый: 'y', ой: 'oï', ай: 'aï', ей: 'eï' },
};

/** Swedish press transcription. */
const SWEDISH = {
  name: 'swedish',
  description: 'Swedish press',
  samples: [],
  mapping: {
    ...BASE,
    в: 'v',
    е: 'e',
    ё: 'jo',
    ж: 'zj',
    з: 'z',
    й: 'j',
    с: 's',
    х: 'ch',
    ц: 'ts',
    ч: 'tj',
    ш: 'sj',
    щ: 'sjtj',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
  },
  prev_mapping: { ...afterVowels('е', 'je'), ...afterHushers('ё', 'o') },
  next_mapping: {},
  ending_mapping: { ий: 'ij', ый: 'yj' },
};

/** Polish press transcription. */
const POLISH = {
  name: 'polish',
  description: 'Polish press',
  samples: [],
  mapping: {
    ...BASE,
    в: 'w',
    е: 'ie',
    ё: 'io',
    ж: 'ż',
    з: 'z',
    й: 'j',
    с: 's',
    х: 'ch',
    ц: 'c',
    ч: 'cz',
    ш: 'sz',
    щ: 'szcz',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
  },
  prev_mapping: {
    ...afterVowels('е', 'je'),
    ...afterVowels('ю', 'ju'),
    ...afterVowels('я', 'ja'),
    ...afterHushers('е', 'e'),
    ...afterHushers('ё', 'o'),
  },
  next_mapping: {},
  ending_mapping: { ий: 'ij', ый: 'y' },
};

/** Ukrainian national (KMU 2010) romanisation of Ukrainian Cyrillic. */
const UKRAINIAN_LATIN = {
  name: 'ukrainian',
  description: 'Ukrainian national romanisation (2010)',
  samples: [],
  mapping: {
    ...BASE,
    в: 'v',
    г: 'h',
    ґ: 'g',
    е: 'e',
    є: 'ie',
    ж: 'zh',
    з: 'z',
    и: 'y',
    і: 'i',
    ї: 'i',
    й: 'i',
    с: 's',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'iu',
    я: 'ia',
    "'": '',
    '’': '',
    ʼ: '',
  },
  prev_mapping: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', зг: 'gh' },
  next_mapping: {},
  ending_mapping: {},
};

const PRESS = {
  german: GERMAN,
  french: FRENCH,
  swedish: SWEDISH,
  polish: POLISH,
  ukrainian: UKRAINIAN_LATIN,
};
const compiled = new Map<string, CompiledScheme>();

/** Compiled press schemes by name. */
export function pressScheme(name: keyof typeof PRESS): CompiledScheme {
  let c = compiled.get(name);
  if (c === undefined) {
    c = compileScheme(PRESS[name]);
    compiled.set(name, c);
  }
  return c;
}
