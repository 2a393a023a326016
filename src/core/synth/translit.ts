/**
 * Small Cyrillic → Latin tables for the spellings foreign press uses. They imitate how names
 * appear in print (not a canonical transliteration: that lives in core/translit, built apart).
 */
export const TRANSLIT_SYSTEMS = ['bgn', 'english', 'icao', 'german', 'french', 'swedish'] as const;
export type TranslitSystem = (typeof TRANSLIT_SYSTEMS)[number];

interface System {
  base: Readonly<Record<string, string>>;
  /** е and ё at the start of a word or after a vowel, ъ or ь. */
  eInitial: string;
  yoInitial: string;
  yo: string;
  /** Word endings -ий, -ый, -ей, -ай, -ой. */
  endings: Readonly<Record<string, string>>;
  /** й after a vowel (inside a word). */
  shortIAfterVowel: string;
  ks?: string;
  /** с between vowels doubled (German, French). */
  doubleS?: boolean;
  /** г before е/и/ы written "gu" (French). */
  gu?: boolean;
  /** и after a vowel written "ï" (French). */
  iDiaeresis?: boolean;
  /** Whole words the press of that language spells its own way (lower case). */
  words?: Readonly<Record<string, string>>;
}

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ё: 'yo',
};

const SYSTEMS: Readonly<Record<TranslitSystem, System>> = {
  bgn: {
    base: COMMON,
    eInitial: 'ye',
    yoInitial: 'yo',
    yo: 'yo',
    shortIAfterVowel: 'y',
    endings: { ий: 'iy', ый: 'yy', ей: 'ey', ай: 'ay', ой: 'oy' },
  },
  english: {
    base: COMMON,
    eInitial: 'ye',
    yoInitial: 'yo',
    yo: 'yo',
    shortIAfterVowel: 'y',
    endings: { ий: 'y', ый: 'y', ей: 'ey', ай: 'ay', ой: 'oy' },
    words: { александр: 'alexander' },
  },
  icao: {
    base: { ...COMMON, й: 'i', ъ: 'ie', ю: 'iu', я: 'ia', ё: 'e' },
    eInitial: 'e',
    yoInitial: 'e',
    yo: 'e',
    shortIAfterVowel: 'i',
    endings: { ий: 'ii', ый: 'yi', ей: 'ei', ай: 'ai', ой: 'oi' },
  },
  german: {
    base: {
      ...COMMON,
      в: 'w',
      ж: 'sch',
      з: 's',
      й: 'j',
      х: 'ch',
      ц: 'z',
      ч: 'tsch',
      ш: 'sch',
      щ: 'schtsch',
      ю: 'ju',
      я: 'ja',
    },
    eInitial: 'je',
    yoInitial: 'jo',
    yo: 'jo',
    shortIAfterVowel: 'i',
    ks: 'x',
    doubleS: true,
    endings: { ий: 'i', ый: 'y', ей: 'ei', ай: 'ai', ой: 'oi' },
    words: { александр: 'alexander' },
  },
  french: {
    base: { ...COMMON, ж: 'j', й: 'i', у: 'ou', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia' },
    eInitial: 'e',
    yoInitial: 'io',
    yo: 'io',
    shortIAfterVowel: 'ï',
    ks: 'x',
    doubleS: true,
    gu: true,
    iDiaeresis: true,
    endings: { ий: 'i', ый: 'y', ей: 'eï', ай: 'aï', ой: 'oï', ин: 'ine' },
    words: { александр: 'alexandre' },
  },
  swedish: {
    base: { ...COMMON, ж: 'zj', й: 'j', х: 'ch', ч: 'tj', ш: 'sj', щ: 'sjtj', ю: 'ju', я: 'ja' },
    eInitial: 'je',
    yoInitial: 'jo',
    yo: 'jo',
    shortIAfterVowel: 'j',
    endings: { ий: 'ij', ый: 'yj', ей: 'ej', ай: 'aj', ой: 'oj' },
  },
};

const VOWELS = new Set(Array.from('аеёиоуыэюя'));
const HUSHING = new Set(Array.from('жчшщ'));
const LETTER = /\p{L}/u;

function word(lower: string, sys: System): string {
  const known = sys.words?.[lower];
  if (known !== undefined) return known;
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] ?? '';
    const prev = lower[i - 1] ?? '';
    const next = lower[i + 1] ?? '';
    const atEnd = i + 2 === lower.length;
    const afterVowelOrSign = i === 0 || VOWELS.has(prev) || prev === 'ъ' || prev === 'ь';
    const pair = ch + next;
    const ending = atEnd ? sys.endings[pair] : undefined;
    if (ending !== undefined) return out + ending;
    if (ch === 'к' && next === 'с' && sys.ks) {
      out += sys.ks;
      i++;
    } else if (ch === 'е') out += afterVowelOrSign ? sys.eInitial : 'e';
    else if (ch === 'ё') out += afterVowelOrSign ? sys.yoInitial : HUSHING.has(prev) ? 'o' : sys.yo;
    else if (ch === 'й' && i > 0 && VOWELS.has(prev)) out += sys.shortIAfterVowel;
    else if (ch === 'с' && sys.doubleS && VOWELS.has(prev) && VOWELS.has(next)) out += 'ss';
    else if (ch === 'г' && sys.gu && 'еиыё'.includes(next) && next !== '') out += 'gu';
    else if (ch === 'и' && sys.iDiaeresis && i > 0 && VOWELS.has(prev)) out += 'ï';
    else out += sys.base[ch] ?? ch;
  }
  return out;
}

function recase(source: string, latin: string): string {
  if (latin.length === 0) return latin;
  if (source.length > 1 && source === source.toUpperCase()) return latin.toUpperCase();
  const first = source[0] ?? '';
  return first === first.toUpperCase() ? (latin[0] ?? '').toUpperCase() + latin.slice(1) : latin;
}

/** Splits text into runs of letters and runs of anything else. */
function runs(text: string): string[] {
  return text.match(/\p{L}+|[^\p{L}]+/gu) ?? [];
}

/**
 * Writes a Russian name in Latin letters the way a given press tradition would.
 * @example transliterate('Сергей Жуков', 'german') // 'Sergei Schukow'
 */
export function transliterate(text: string, system: TranslitSystem): string {
  const sys = SYSTEMS[system];
  return runs(text)
    .map((run) => (LETTER.test(run) ? recase(run, word(run.toLowerCase(), sys)) : run))
    .join('');
}

const UKRAINIAN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
};
const UKRAINIAN_INITIAL: Readonly<Record<string, string>> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/**
 * Ukrainian Cyrillic → Latin by the Ukrainian national system (2010), as Ukrainian sources print names.
 * @example transliterateUkrainian('Олександр Сергійович') // 'Oleksandr Serhiiovych'
 */
export function transliterateUkrainian(text: string): string {
  return text
    .split(/(\s+|-)/u)
    .map((part) => {
      const lower = part.toLowerCase();
      let out = '';
      for (let i = 0; i < lower.length; i++) {
        const ch = lower[i] ?? '';
        if (ch === 'г' && lower[i - 1] === 'з') out += 'gh';
        else out += (i === 0 ? UKRAINIAN_INITIAL[ch] : undefined) ?? UKRAINIAN[ch] ?? ch;
      }
      return recase(part, out);
    })
    .join('');
}
