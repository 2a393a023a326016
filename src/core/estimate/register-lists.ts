import { z } from 'zod';
import { MIN_LISTS, type PatternTable } from './pattern-table.js';

export const strataKeySchema = z.enum(['region', 'period', 'category']);
export type StrataKey = z.infer<typeof strataKeySchema>;

/** Which source kinds make up which list, and when a stratum is too sparse to estimate. */
export const listMappingSchema = z.object({
  /** List name → the source kinds that put a person on that list. */
  lists: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
  /** A stratum with fewer people on the lists than this gets a warning. */
  minObserved: z.number().int().positive().default(100),
  /** A stratum with fewer people on two or more lists than this gets a warning. */
  minOverlap: z.number().int().nonnegative().default(20),
});
export type ListMapping = z.input<typeof listMappingSchema>;

/** A linked person: the source kinds that mention them, and optional stratum values. */
export interface LinkedPerson {
  sourceKinds: readonly string[];
  strata?: Partial<Record<StrataKey, string | null | undefined>>;
}

export interface StratumTable {
  /** e.g. "region=Buryatia, period=2023" ("Unknown" when the value is missing). */
  key: string;
  values: Partial<Record<StrataKey, string>>;
  table: PatternTable;
  observed: number;
  overlap: number;
  warnings: string[];
}

export interface RegisterLists {
  overall: PatternTable;
  strata: StratumTable[];
  /** People with no source of any mapped kind (kept out of the lists, counted here). */
  unlisted: number;
  warnings: string[];
}

const UNKNOWN = 'Unknown';

function emptyTable(lists: string[]): PatternTable {
  return { lists, cells: new Array<number>(1 << lists.length).fill(0) };
}

function tally(table: PatternTable): { observed: number; overlap: number; emptyLists: string[] } {
  let observed = 0;
  let overlap = 0;
  table.cells.forEach((c, m) => {
    if (m === 0) return;
    observed += c;
    if (m & (m - 1)) overlap += c;
  });
  const emptyLists = table.lists.filter((_, j) => !table.cells.some((c, m) => c > 0 && m & (1 << j)));
  return { observed, overlap, emptyLists };
}

/**
 * Turns linked persons into capture-pattern tables: a person is on a list when any of their
 * sources is of a kind mapped to it. With `stratifyBy`, one table per combination of stratum
 * values, with a warning for each stratum too sparse to estimate.
 * @example registerToLists(persons, { lists: { media: ['local_media'], family: ['relative_post'], official: ['official_statement'] } })
 */
export function registerToLists(
  persons: Iterable<LinkedPerson>,
  mapping: ListMapping,
  stratifyBy: readonly StrataKey[] = [],
): RegisterLists {
  const config = listMappingSchema.parse(mapping);
  const lists = Object.keys(config.lists);
  if (lists.length < MIN_LISTS)
    throw new Error(`the list mapping needs at least ${MIN_LISTS} lists; it has ${lists.length}`);
  const kindToList = new Map<string, number>();
  lists.forEach((name, j) => {
    for (const kind of config.lists[name] ?? []) {
      const other = kindToList.get(kind);
      if (other !== undefined && other !== j)
        throw new Error(
          `source kind "${kind}" is mapped to both ${lists[other] ?? ''} and ${name}; a kind may feed one list only`,
        );
      kindToList.set(kind, j);
    }
  });
  const overall = emptyTable(lists);
  const byStratum = new Map<string, { values: Partial<Record<StrataKey, string>>; table: PatternTable }>();
  let unlisted = 0;
  for (const person of persons) {
    let mask = 0;
    for (const kind of person.sourceKinds) {
      const j = kindToList.get(kind);
      if (j !== undefined) mask |= 1 << j;
    }
    if (mask === 0) {
      unlisted++;
      continue;
    }
    overall.cells[mask] = (overall.cells[mask] ?? 0) + 1;
    if (stratifyBy.length === 0) continue;
    const values: Partial<Record<StrataKey, string>> = {};
    for (const k of stratifyBy) values[k] = person.strata?.[k]?.trim() || UNKNOWN;
    const key = stratifyBy.map((k) => `${k}=${values[k] ?? UNKNOWN}`).join(', ');
    let entry = byStratum.get(key);
    if (!entry) {
      entry = { values, table: emptyTable(lists) };
      byStratum.set(key, entry);
    }
    entry.table.cells[mask] = (entry.table.cells[mask] ?? 0) + 1;
  }
  const strata = [...byStratum.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { values, table }]): StratumTable => {
      const { observed, overlap, emptyLists } = tally(table);
      const warnings: string[] = [];
      if (observed < config.minObserved)
        warnings.push(
          `stratum ${key}: only ${observed} person(s) on the lists (fewer than ${config.minObserved}); too sparse to estimate reliably`,
        );
      if (overlap < config.minOverlap)
        warnings.push(
          `stratum ${key}: only ${overlap} person(s) on two or more lists (fewer than ${config.minOverlap}); overlaps too sparse to estimate`,
        );
      if (emptyLists.length > 0) warnings.push(`stratum ${key}: no one on list(s) ${emptyLists.join(', ')}`);
      return { key, values, table, observed, overlap, warnings };
    });
  const warnings: string[] = [];
  if (unlisted > 0)
    warnings.push(
      `${unlisted} person(s) have no source of a kind mapped to a list and are not in the tables`,
    );
  const total = tally(overall);
  if (total.emptyLists.length > 0) warnings.push(`no one is on list(s) ${total.emptyLists.join(', ')}`);
  if (total.overlap < config.minOverlap)
    warnings.push(
      `only ${total.overlap} person(s) are on two or more lists (fewer than ${config.minOverlap}); overlaps too sparse to estimate`,
    );
  for (const s of strata) warnings.push(...s.warnings);
  return { overall, strata, unlisted, warnings };
}
