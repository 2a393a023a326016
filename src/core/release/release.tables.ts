import { CATEGORIES, type Category } from '../record/record.schemas.js';
import { deathMonth, deathWeek, monthsBetween, weeksBetween } from './release.dates.js';
import { RANK_CLASSES, type PublicPerson } from './release.schemas.js';

export interface CountRow {
  key: string;
  count: number;
}

export interface ReleaseTables {
  date: string;
  totals: { total: number; wagner: number; excludingWagner: number; deathDateFromSource: number; deathWeekUnknown: number };
  /** Every category but Wagner, in canonical order (zeros kept); Wagner is `wagner`. */
  byCategory: CountRow[];
  wagner: number;
  /** Region codes with deaths, sorted, then FOREIGN and UNKNOWN (always present). Sums to the total. */
  byRegion: CountRow[];
  byAgeBand: CountRow[];
  byRankClass: CountRow[];
  /** Every ISO week from the first to the last known death week (zeros kept), then `unknown`. */
  byWeek: CountRow[];
  /** Every month from the first to the last known death month (zeros kept), then `unknown`. */
  byMonth: CountRow[];
}

export const AGE_BANDS = ['<20', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const WAGNER: Category = 'pmc_wagner';

/** The age band of an age at death; `unknown` when the age is not known. */
export function ageBand(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age < 20) return '<20';
  if (age >= 55) return '55+';
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}` as AgeBand;
}

function tally(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function rowsIn(order: readonly string[], counts: Map<string, number>): CountRow[] {
  return order.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

function timeline(keys: (string | null)[], fill: (first: string, last: string) => string[], firstDay: (k: string) => string): CountRow[] {
  const known = keys.filter((k): k is string => k !== null).sort();
  const counts = tally(known);
  const first = known[0];
  const last = known[known.length - 1];
  const order = first !== undefined && last !== undefined ? fill(firstDay(first), firstDay(last)) : [];
  return [...rowsIn(order, counts), { key: 'unknown', count: keys.length - known.length }];
}

function weekStart(week: string): string {
  // any day inside the week works for weeksBetween; pick the 4th of January's week arithmetic via Thursday
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return new Date(jan4 + ((n - 1) * 7 - jan4Weekday) * 86_400_000).toISOString().slice(0, 10);
}

/** All tables of a release, computed from its confirmed persons. Deterministic and order-free. */
export function computeTables(date: string, persons: readonly PublicPerson[]): ReleaseTables {
  const total = persons.length;
  const categories = tally(persons.map((p) => p.category));
  const wagner = categories.get(WAGNER) ?? 0;
  const regions = tally(persons.map((p) => p.region));
  const regionCodes = [...regions.keys()].filter((k) => k !== 'FOREIGN' && k !== 'UNKNOWN').sort();
  const weeks = persons.map((p) => deathWeek(p.deathDate));
  return {
    date,
    totals: {
      total,
      wagner,
      excludingWagner: total - wagner,
      deathDateFromSource: persons.filter((p) => p.deathDateFromSource).length,
      deathWeekUnknown: weeks.filter((w) => w === null).length,
    },
    byCategory: rowsIn(
      CATEGORIES.filter((c) => c !== WAGNER),
      categories,
    ),
    wagner,
    byRegion: rowsIn([...regionCodes, 'FOREIGN', 'UNKNOWN'], regions),
    byAgeBand: rowsIn(AGE_BANDS, tally(persons.map((p) => ageBand(p.ageAtDeath)))),
    byRankClass: rowsIn(RANK_CLASSES, tally(persons.map((p) => p.rankClass))),
    byWeek: timeline(weeks, weeksBetween, weekStart),
    byMonth: timeline(
      persons.map((p) => deathMonth(p.deathDate)),
      monthsBetween,
      (m) => `${m}-01`,
    ),
  };
}
