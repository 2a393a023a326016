import { SUBJECT_TABLE } from './region-data.js';
import { TILE_POSITIONS } from './tile-grid.js';

/** Russia's eight federal districts; occupied Ukrainian territories, Foreign and Unknown have none. */
export const FEDERAL_DISTRICTS = [
  'central',
  'northwestern',
  'southern',
  'north_caucasian',
  'volga',
  'ural',
  'siberian',
  'far_eastern',
] as const;
export type FederalDistrict = (typeof FEDERAL_DISTRICTS)[number];

export type RegionGroup = 'russia' | 'occupied' | 'foreign' | 'unknown';

/** Display names of the groups (docs/regions.md explains the occupied-territories rule). */
export const REGION_GROUP_NAMES: Readonly<Record<RegionGroup, { ru: string; en: string }>> = {
  russia: { ru: 'Регионы России', en: 'Regions of Russia' },
  occupied: { ru: 'Оккупированные территории Украины', en: 'Occupied territories of Ukraine' },
  foreign: { ru: 'Другие страны', en: 'Other countries' },
  unknown: { ru: 'Регион неизвестен', en: 'Region unknown' },
};

/** One entry of the gazetteer: a federal subject, an occupied Ukrainian region, Foreign or Unknown. */
export interface Region {
  /** ISO 3166-2 code (RU-SVE, UA-43), or FOREIGN / UNKNOWN. */
  code: string;
  nameRu: string;
  nameEn: string;
  federalDistrict: FederalDistrict | null;
  tile: { row: number; col: number };
  group: RegionGroup;
  capitalRu: string | null;
  capitalEn: string | null;
  /** Other names, abbreviations and cities that resolve to this region (besides names and capital). */
  aliases: readonly string[];
}

export const FOREIGN_CODE = 'FOREIGN';
export const UNKNOWN_CODE = 'UNKNOWN';

function tileOf(code: string): { row: number; col: number } {
  const tile = TILE_POSITIONS.get(code);
  if (tile === undefined) throw new Error(`tile-grid.ts has no tile for ${code}`);
  return tile;
}

function isFederalDistrict(value: string): value is FederalDistrict {
  return (FEDERAL_DISTRICTS as readonly string[]).includes(value);
}

function parseSubjects(): Region[] {
  return SUBJECT_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [
        code = '',
        district = '',
        nameRu = '',
        nameEn = '',
        capitalRu = '',
        capitalEn = '',
        aliases = '',
      ] = line.split('|');
      return {
        code,
        nameRu,
        nameEn,
        federalDistrict: isFederalDistrict(district) ? district : null,
        tile: tileOf(code),
        group: district === 'occupied' ? 'occupied' : 'russia',
        capitalRu,
        capitalEn,
        aliases: aliases.split(';').filter((a) => a !== ''),
      } satisfies Region;
    });
}

const SPECIAL: readonly Region[] = [
  {
    code: FOREIGN_CODE,
    nameRu: 'Другие страны',
    nameEn: 'Foreign',
    federalDistrict: null,
    tile: tileOf(FOREIGN_CODE),
    group: 'foreign',
    capitalRu: null,
    capitalEn: null,
    aliases: [],
  },
  {
    code: UNKNOWN_CODE,
    nameRu: 'Регион неизвестен',
    nameEn: 'Unknown',
    federalDistrict: null,
    tile: tileOf(UNKNOWN_CODE),
    group: 'unknown',
    capitalRu: null,
    capitalEn: null,
    aliases: [],
  },
];

/** The gazetteer: 83 Russian federal subjects, 6 occupied Ukrainian regions (see docs/regions.md), Foreign, Unknown. */
export const REGIONS: readonly Region[] = [...parseSubjects(), ...SPECIAL];

/** Region by code. */
export const REGION_BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));
