import { applyScheme } from './engine.js';
import { GIVEN_NAME_TABLE, PATRONYMIC_TABLE } from './given-names.data.js';
import { compiledScheme } from './schemes.js';
import type { NamePart } from './translit.schemas.js';
import { pressScheme } from './variant-schemes.js';

/** Spelling systems nameVariants covers. */
export const VARIANT_SYSTEMS = [
  'icao',
  'bgn_pcgn',
  'wikipedia',
  'iso_9',
  'scientific',
  'german',
  'french',
  'swedish',
  'polish',
  'ukrainian_cyrillic',
  'ukrainian_latin',
] as const;

export type VariantSystem = (typeof VARIANT_SYSTEMS)[number];

const UKRAINIAN_ONLY = /[іїєґ]/;

function ukrainianTableForm(cyrillic: string, part: NamePart): string | undefined {
  if (part === 'surname') return undefined;
  const table = part === 'given' ? GIVEN_NAME_TABLE : PATRONYMIC_TABLE;
  const wanted = cyrillic.toLowerCase().replace(/ё/g, 'е');
  for (const row of table) {
    const [canon = '', rest = ''] = row.split(':');
    const canonForms = canon.split(',').map((s) => s.trim());
    const idx = canonForms.findIndex((c) => c.toLowerCase().replace(/ё/g, 'е') === wanted);
    if (idx < 0) continue;
    const isUkrainian = (s: string): boolean => s.startsWith('*') || UKRAINIAN_ONLY.test(s.toLowerCase());
    const uk = rest
      .split(',')
      .map((s) => s.trim())
      .filter((s) => part === 'patronymic' || isUkrainian(s))
      .map((s) => s.replace(/^\*/, ''));
    // patronymic rows list Ukrainian forms male, female, ...; given rows list the main one first
    const pick = part === 'patronymic' ? uk[idx] : uk[0];
    if (pick !== undefined) return pick;
  }
  return undefined;
}

function keepCase(source: string, lower: string): string {
  return source.charAt(0) === source.charAt(0).toUpperCase()
    ? lower.charAt(0).toUpperCase() + lower.slice(1)
    : lower;
}

/** Letter-level Ukrainian spelling of a Russian name (Иванов → Іванов, Рыбаков → Рибаков). */
export function ukrainianSpelling(cyrillic: string): string {
  const lower = cyrillic
    .toLowerCase()
    .replace(/и/g, 'і')
    .replace(/ы/g, 'и')
    .replace(/э/g, 'е')
    .replace(/ъ/g, '’')
    .replace(/(^|[аеиіоуюяєь’])ё/g, '$1йо')
    .replace(/ьйо/g, 'йо')
    .replace(/ё/g, 'ьо')
    .replace(/([жчшщ])ьо/g, '$1о')
    .replace(/(^|[аеиіоуюяє’])е/g, '$1є');
  return keepCase(cyrillic, lower);
}

/** Duden doubles с between vowels (Wassili, Denissow) so that a single s can stand for з. */
function dudenDoubleS(cyrillic: string): string {
  return cyrillic.replace(/([аеёиоуыэюяАЕЁИОУЫЭЮЯ])с(?=[аеёиоуыэюяь])/g, '$1сс');
}

/** Each system's spelling of a Cyrillic name part. */
export function nameVariantsBySystem(cyrillic: string, part: NamePart): Record<VariantSystem, string> {
  const uk = ukrainianTableForm(cyrillic, part) ?? ukrainianSpelling(cyrillic);
  return {
    icao: applyScheme(cyrillic, compiledScheme('icao_doc_9303')),
    bgn_pcgn: applyScheme(cyrillic, compiledScheme('bgn_pcgn')),
    wikipedia: applyScheme(cyrillic, compiledScheme('wikipedia')),
    iso_9: applyScheme(cyrillic, compiledScheme('gost_779')),
    scientific: applyScheme(cyrillic, compiledScheme('scientific')),
    german: applyScheme(dudenDoubleS(cyrillic), pressScheme('german')),
    french: applyScheme(cyrillic, pressScheme('french')),
    swedish: applyScheme(cyrillic, pressScheme('swedish')),
    polish: applyScheme(cyrillic, pressScheme('polish')),
    ukrainian_cyrillic: uk,
    ukrainian_latin: applyScheme(uk, pressScheme('ukrainian')),
  };
}

/**
 * Plausible spellings of a Cyrillic name part: ICAO, BGN/PCGN, Wikipedia, ISO 9, scientific,
 * German, French, Swedish and Polish press, and the Ukrainian form in Cyrillic and Latin.
 * @example nameVariants('Щербаков', 'surname') // ['Shcherbakov', 'Ŝerbakov', 'Schtscherbakow', ...]
 */
export function nameVariants(cyrillic: string, part: NamePart): string[] {
  return [...new Set(Object.values(nameVariantsBySystem(cyrillic, part)))];
}
