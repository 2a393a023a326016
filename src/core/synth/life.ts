import type { Category } from '../record/record.schemas.js';
import { ageAt, formatDate, fromDays, parseIso, toDays, type Ymd } from './dates.js';
import { CATEGORY_WEIGHTS, DEATH_PLACES, RANKS, UNIT_PATTERNS } from './military.data.js';
import { pickWeighted, weighted, type Rng } from './prng.js';

const FIRST_DAY = toDays({ y: 2022, m: 2, d: 24 });
const LAST_DAY = toDays({ y: 2026, m: 10, d: 31 });
const BIRTH_MIN = toDays({ y: 1960, m: 1, d: 1 });
const BIRTH_MAX = toDays({ y: 2005, m: 12, d: 31 });

/** Relative intensity of known deaths by year and month: the 2023 and 2024–25 offensives heavy, late 2026 not yet reported. */
function monthWeight(y: number, m: number): number {
  if (y === 2022) return m <= 3 ? 1.0 : m <= 8 ? 0.7 : 0.8;
  if (y === 2023) return m <= 5 ? 1.6 : 1.2;
  if (y === 2024) return 1.5;
  if (y === 2025) return 1.6;
  return Math.max(0.4, 1.3 - 0.1 * m);
}

const MONTHS = weighted(
  Array.from({ length: 57 }, (_, i) => {
    const y = 2022 + Math.floor((i + 1) / 12);
    const m = ((i + 1) % 12) + 1;
    return [{ y, m }, monthWeight(y, m)] as const;
  }),
);

const CATEGORIES = weighted(CATEGORY_WEIGHTS);
// Wagner's dead fall before mid-2023, when it recruited most: within that window it is a large group.
const CATEGORIES_WAGNER_ERA = weighted(
  CATEGORY_WEIGHTS.map(([c, w]) => [c, c === 'pmc_wagner' ? 30 : w] as const),
);

/** Typical ages at death by category (min, max). */
const AGES: Readonly<Record<Category, readonly [number, number]>> = {
  conscript: [18, 21],
  career: [20, 50],
  mobilised: [22, 55],
  prisoner: [22, 60],
  pmc_wagner: [22, 60],
  volunteer: [19, 63],
  pmc_other: [22, 55],
  rosgvardia: [20, 50],
  other_agency: [22, 55],
  unknown: [19, 60],
};

/** A death date between 2022-02-24 and 2026-10-31, weighted by month. */
export function pickDeathDate(rng: Rng): Ymd {
  const { y, m } = pickWeighted(rng, MONTHS);
  const first = Math.max(FIRST_DAY, toDays({ y, m, d: 1 }));
  const last = Math.min(LAST_DAY, toDays({ y, m: m + 1, d: 1 }) - 1);
  return fromDays(rng.int(first, last));
}

/** A birth date between 1960 and 2005 making the person of an age their category makes likely, and at least 18. */
export function pickBirthDate(rng: Rng, death: Ymd, category: Category): Ymd {
  const oldest = ageAt(fromDays(BIRTH_MIN), death);
  const youngest = Math.max(18, ageAt(fromDays(BIRTH_MAX), death));
  const [lo, hi] = AGES[category];
  const fits = Math.max(lo, youngest) <= Math.min(hi, oldest);
  const min = fits ? Math.max(lo, youngest) : youngest;
  const max = fits ? Math.min(hi, oldest) : oldest;
  // Skewed towards the younger end, as the published age profile is (u^1.5: sqrt is exactly
  // rounded everywhere, unlike pow, so output stays byte-identical across platforms).
  const u = rng.next();
  const age = min + Math.floor((max - min + 1) * u * Math.sqrt(u));
  const latest = toDays({ y: death.y - age, m: death.m, d: Math.min(death.d, 28) });
  const days = Math.min(BIRTH_MAX, Math.max(BIRTH_MIN, latest - rng.int(0, 364)));
  return fromDays(days);
}

const WAGNER_LAST = toDays({ y: 2023, m: 6, d: 30 });
const MOBILISATION_FIRST = toDays({ y: 2022, m: 10, d: 1 });

/** A recruitment category, weighted like the published breakdowns and possible at that death date (Wagner until mid-2023, the mobilised from October 2022). */
export function pickCategory(rng: Rng, death: Ymd): Category {
  const day = toDays(death);
  for (;;) {
    const category = pickWeighted(rng, day <= WAGNER_LAST ? CATEGORIES_WAGNER_ERA : CATEGORIES);
    if (category === 'pmc_wagner' && day > WAGNER_LAST) continue;
    if (category === 'mobilised' && day < MOBILISATION_FIRST) continue;
    return category;
  }
}

const RANK_LIST = weighted(RANKS.map((r, i) => [r, i === 0 ? 30 : 12 / (i + 1)] as const));

/** Rank and unit for a person of this category ('' where such men carry none). */
export function pickService(rng: Rng, category: Category): { rank: string; unit: string } {
  if (category === 'pmc_wagner') return { rank: '', unit: 'ЧВК «Вагнер»' };
  if (category === 'pmc_other') return { rank: '', unit: rng.chance(0.5) ? 'ЧВК «Редут»' : 'ЧВК «Конвой»' };
  if (category === 'prisoner' && rng.chance(0.6)) return { rank: 'рядовой', unit: 'отряд «Шторм Z»' };
  const rank = category === 'conscript' ? rng.pick(['рядовой', 'ефрейтор']) : pickWeighted(rng, RANK_LIST);
  const pattern = rng.pick(UNIT_PATTERNS);
  const number = pattern.startsWith('в/ч') ? rng.int(10000, 99999) : rng.int(1, 160);
  return { rank, unit: pattern.replace('N', String(number)) };
}

/** A place of death as a settlement or an oblast of the front. */
export function pickDeathPlace(rng: Rng): string {
  return rng.pick(DEATH_PLACES);
}

/** Makes the ISO text of a date. */
export const iso = (date: Ymd): string => formatDate(date, 'iso');
export { parseIso };
