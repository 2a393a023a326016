import type { Dataset } from './dataset.js';
import { compileComparator, type Comparator } from './levels.js';
import type { ComparisonSettings } from './settings.schemas.js';

/**
 * What a comparison's level can depend on, per record: its own column's value id, the ids of other columns
 * its levels name (`exactOn`, `swapped`, `rangeOverlap` with `from`/`to`), and for dates the parsed parts and range. Two records with the same
 * signature are indistinguishable to the comparator, so its level is a function of the two signatures and
 * can be memoised per signature pair without changing any result.
 */
function dependencies(c: ComparisonSettings): { columns: string[]; date: boolean } {
  const columns = [c.column];
  for (const l of c.levels) {
    switch (l.type) {
      case 'exactOn':
      case 'swapped':
        columns.push(l.column);
        break;
      case 'rangeOverlap':
        // Intervals read from other columns (e.g. a death window from the publication date).
        if (l.from !== undefined && l.to !== undefined) columns.push(l.from, l.to);
        break;
      case 'exact':
      case 'jaroWinkler':
      case 'damerauLevenshtein':
      case 'yearMonth':
      case 'dayMonthSwapped':
      case 'yearWithin':
      case 'monthsWithin':
      case 'rangeWithin':
        break;
    }
  }
  return { columns, date: c.kind === 'date' };
}

/** Refines dense ids `sig` by a second per-record feature (ids numbered by first appearance); null past `limit` ids. */
function refine(sig: Int32Array, feature: ArrayLike<number>, limit: number): { sig: Int32Array; count: number } | null {
  const featureIds = new Map<number, number>();
  const out = new Int32Array(sig.length);
  const dict = new Map<number, number>();
  for (let i = 0; i < sig.length; i++) {
    const v = feature[i] ?? 0;
    let f = featureIds.get(v);
    if (f === undefined) {
      f = featureIds.size;
      featureIds.set(v, f);
    }
    const key = (sig[i] ?? 0) * 4_294_967_296 + f;
    let id = dict.get(key);
    if (id === undefined) {
      id = dict.size;
      if (id >= limit) return null;
      dict.set(key, id);
    }
    out[i] = id;
  }
  return { sig: out, count: dict.size };
}

/** Per-record signature ids of a comparison (see `dependencies`), or null when there are more than `limit`. */
export function comparisonSignatures(c: ComparisonSettings, ds: Dataset, limit = Infinity): { sig: Int32Array; count: number } | null {
  const { columns, date } = dependencies(c);
  const f = date ? ds.dates.get(c.name) : undefined;
  const features: ArrayLike<number>[] = columns.map((name) => {
    const col = ds.columns.get(name);
    if (!col) throw new Error(`linkage: column "${name}" is not prepared`);
    return col.ids;
  });
  if (f) features.push(f.year, f.month, f.day, f.lo, f.hi);
  let acc: { sig: Int32Array; count: number } | null = { sig: new Int32Array(ds.size), count: 1 };
  for (const feature of features) {
    acc = refine(acc.sig, feature, limit);
    if (acc === null) return null;
  }
  return byFrequency(acc);
}

/** Renumbers signatures most frequent first, so the rows and columns of a memo table that most pairs hit sit together. */
function byFrequency({ sig, count }: { sig: Int32Array; count: number }): { sig: Int32Array; count: number } {
  const freq = new Int32Array(count);
  for (const s of sig) freq[s] = (freq[s] ?? 0) + 1;
  const order = Array.from({ length: count }, (_, k) => k).sort((x, y) => (freq[y] ?? 0) - (freq[x] ?? 0) || x - y);
  const rank = new Int32Array(count);
  order.forEach((s, r) => (rank[s] = r));
  return { sig: sig.map((s) => rank[s] ?? 0), count };
}

/**
 * Largest signature table held as a dense matrix (one byte per ordered signature pair, at most 128 MiB: surnames
 * of a million records need ~70 MiB). Beyond it the comparator runs for every pair: a hashed memo was measured
 * slower than recomputing (date signatures).
 */
const DENSE_LIMIT = 2 ** 27;
const UNKNOWN = -128;

/** Signatures of a comparison when few enough to memoise its levels in a dense table, else null. */
export function memoSignatures(c: ComparisonSettings, ds: Dataset): { sig: Int32Array; count: number } | null {
  return comparisonSignatures(c, ds, Math.floor(Math.sqrt(DENSE_LIMIT)));
}

/**
 * One comparison's levels, memoised per ordered pair of record signatures when there are few enough
 * signatures: gives exactly what `compileComparator` gives, computing each signature pair once.
 */
export class LevelMemo {
  private readonly cmp: Comparator;
  private readonly sig: Int32Array;
  private readonly count: number;
  private readonly dense: Int8Array | null;

  /** `signatures` from `memoSignatures` may be passed in (computed once, shared with worker threads). */
  constructor(c: ComparisonSettings, ds: Dataset, signatures?: { sig: Int32Array; count: number } | null) {
    this.cmp = compileComparator(c, ds, false);
    const found = signatures === undefined ? memoSignatures(c, ds) : signatures;
    this.sig = found?.sig ?? new Int32Array(0);
    this.count = found?.count ?? 0;
    this.dense = found ? new Int8Array(found.count * found.count).fill(UNKNOWN) : null;
  }

  /** Whether levels are memoised (few enough signatures). */
  get memoised(): boolean {
    return this.dense !== null;
  }

  /** A record's signature (-1 when levels are not memoised): gathered once per block by the batch scorer. */
  signature(i: number): number {
    return this.dense === null ? -1 : (this.sig[i] ?? 0);
  }

  /** The level of records i and j given their signatures (from `signature`). */
  levelOf(i: number, j: number, si: number, sj: number): number {
    const dense = this.dense;
    if (dense === null) return this.cmp(i, j);
    const key = si * this.count + sj;
    const hit = dense[key] ?? UNKNOWN;
    if (hit !== UNKNOWN) return hit;
    const l = this.cmp(i, j);
    dense[key] = l;
    return l;
  }

  /** The level of records i and j (-1 when a value is missing). */
  level(i: number, j: number): number {
    const dense = this.dense;
    if (dense === null) return this.cmp(i, j);
    const key = (this.sig[i] ?? 0) * this.count + (this.sig[j] ?? 0);
    const hit = dense[key] ?? UNKNOWN;
    if (hit !== UNKNOWN) return hit;
    const l = this.cmp(i, j);
    dense[key] = l;
    return l;
  }
}
