import type { Category } from '../../../../core/record/record.schemas.js';
import { REGION_BY_CODE, REGIONS, type Region } from '../../../../core/regions/region.js';
import type { Lang } from '../../i18n/i18n.js';

// Names of the register's codes for the queues' filters and rows (the gazetteer is pure data, shared with the server).

export const CATEGORY_LIST: readonly Category[] = [
  'prisoner',
  'mobilised',
  'volunteer',
  'career',
  'conscript',
  'pmc_wagner',
  'pmc_other',
  'rosgvardia',
  'other_agency',
  'unknown',
];

export const isCategory = (v: string): v is Category => (CATEGORY_LIST as readonly string[]).includes(v);

/** A region code's name in the language, or the code itself when the gazetteer does not know it. */
export function regionName(code: string, lang: Lang): string {
  const r = REGION_BY_CODE.get(code);
  if (r === undefined) return code;
  return lang === 'ru' ? r.nameRu : r.nameEn;
}

/** The gazetteer's regions by group, each sorted by its name in the language. */
export function regionGroups(lang: Lang): { group: Region['group']; regions: Region[] }[] {
  const groups: Region['group'][] = ['russia', 'occupied', 'foreign', 'unknown'];
  const collator = new Intl.Collator(lang);
  return groups.map((group) => ({
    group,
    regions: REGIONS.filter((r) => r.group === group).sort((a, b) =>
      collator.compare(regionName(a.code, lang), regionName(b.code, lang)),
    ),
  }));
}
