import { givenAliases, patronymicAliases } from './name-aliases.js';
import { GIVEN_NAMES_CYRILLIC } from '../names/given-names.js';
import { nameWords, otherLatinKeys, surfaceKey } from './surface-key.js';
import type { NamePart } from './translit.schemas.js';

export type { NamePart } from './translit.schemas.js';

const MEMO_LIMIT = 500_000;
const memo: Record<NamePart, Map<string, string>> = {
  surname: new Map(),
  given: new Map(),
  patronymic: new Map(),
};

// Ukrainian -івна/-ївна is Russian -овна/-евна (Тарасівна = Тарасовна, Матвіївна = Матвеевна).
const UKRAINIAN_FEMALE_PATRONYMIC: readonly (readonly [RegExp, string])[] = [
  [/(іі|ії)вна$/, 'еевна'],
  [/([аеоу])[їі]вна$/, '$1евна'],
  [/ївна$/, 'евна'],
  [/івна$/, 'овна'],
  [/(ii|iy|ij)vna$/, 'eevna'],
  [/([aeou])y?ivna$/, '$1evna'],
  [/yivna$/, 'evna'],
  [/ivna$/, 'ovna'],
];

function russianFemalePatronymic(word: string): string {
  const lower = word.toLowerCase();
  const rule = UKRAINIAN_FEMALE_PATRONYMIC.find(([re]) => re.test(lower));
  return rule === undefined ? lower : lower.replace(rule[0], rule[1]);
}

let knownGiven: Set<string> | undefined;

/** Keys of the given names Reckon knows (full forms, after aliases): a Latin reading that reaches one is preferred. */
function knownGivenKeys(): Set<string> {
  if (knownGiven) return knownGiven;
  const aliases = givenAliases().map;
  const keys = new Set<string>(aliases.values());
  for (const name of GIVEN_NAMES_CYRILLIC) {
    const key = surfaceKey(name);
    keys.add(aliases.get(key) ?? key);
  }
  knownGiven = keys;
  return keys;
}

function givenKey(word: string, key: string): string {
  const aliases = givenAliases().map;
  const known = knownGivenKeys();
  const own = aliases.get(key) ?? key;
  if (known.has(own)) return own;
  // A Latin spelling whose system its letters do not give away: the first other reading that is a known name.
  for (const other of otherLatinKeys(word)) {
    const k = aliases.get(other) ?? other;
    if (known.has(k)) return k;
  }
  return own;
}

function wordKey(word: string, part: NamePart): string {
  const key = surfaceKey(word);
  if (part === 'surname' || key === '') return key;
  if (part === 'given') return givenKey(word, key);
  const alias = patronymicAliases().map.get(key);
  if (alias !== undefined) return patronymicSuffix(alias);
  return patronymicSuffix(key.endsWith('ivna') ? surfaceKey(russianFemalePatronymic(word)) : key);
}

// -ович/-евич/-аевич and -овна/-евна/-аевна never tell two fathers apart, but spellings mix
// them (Равилевич, Ukrainian Равільович; Батоевич, Ukrainian Батович): one form.
function patronymicSuffix(key: string): string {
  return key.replace(/(?:[ao]e|[oe])(vich|vna)$/, 'o$1');
}

function compute(text: string, part: NamePart): string {
  if (part === 'surname') return surfaceKey(text);
  return nameWords(text)
    .map((w) => wordKey(w, part))
    .filter((k) => k !== '')
    .join(' ');
}

/**
 * One lowercase ASCII key for a name part, the same for its Cyrillic, Ukrainian and Latin
 * spellings (ICAO, BGN/PCGN, German, French, Swedish, Polish, ISO 9) and, for given names,
 * its diminutives and Ukrainian forms. Female forms stay distinct from male ones.
 * @example canonicalName('Schtscherbakow', 'surname') === canonicalName('Щербаков', 'surname') // 'shcherbakov'
 * @example canonicalName('Серёжа', 'given') === canonicalName('Serhii', 'given') // 'sergei'
 */
export function canonicalName(text: string, part: NamePart): string {
  const cache = memo[part];
  let key = cache.get(text);
  if (key === undefined) {
    key = compute(text, part);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(text, key);
  }
  return key;
}
