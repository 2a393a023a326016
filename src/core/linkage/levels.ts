import { boundInterval } from './date-parts.js';
import { NONE, type Dataset, type DateFeatures, type EncodedColumn } from './dataset.js';
import type { ComparisonSettings, LevelSettings } from './settings.schemas.js';
import { damerauLevenshtein, jaroWinkler } from './string-similarity.js';

/** Gives the level of comparison for records i and j: 0..levels-1, `levels` for "else", -1 when a value is missing. */
export type Comparator = (i: number, j: number) => number;

/** Number of levels of a comparison including the final "else" level. */
export function levelCount(c: ComparisonSettings): number {
  return c.levels.length + 1;
}

/** Human labels of a comparison's levels, "else" last. */
export function levelLabels(c: ComparisonSettings): string[] {
  const label = (l: LevelSettings): string => {
    switch (l.type) {
      case 'exact':
        return 'exact';
      case 'exactOn':
        return l.label ?? `same ${l.column}`;
      case 'swapped':
        return `swapped with ${l.column}`;
      case 'jaroWinkler':
        return `Jaro-Winkler >= ${l.min}`;
      case 'damerauLevenshtein':
        return `Damerau-Levenshtein <= ${l.max}`;
      case 'yearMonth':
        return 'same year and month';
      case 'dayMonthSwapped':
        return 'day and month swapped';
      case 'yearWithin':
        return `year within ${l.years}`;
      case 'monthsWithin':
        return `within ${l.months} months`;
      case 'rangeOverlap':
        return l.label ?? 'consistent ranges';
      case 'rangeWithin':
        return l.label ?? `within ${l.days} days`;
    }
  };
  return [...c.levels.map(label), 'else'];
}

type Test = (a: number, b: number, i: number, j: number) => boolean;

function column(ds: Dataset, name: string): EncodedColumn {
  const col = ds.columns.get(name);
  if (!col) throw new Error(`linkage: column "${name}" is not prepared`);
  return col;
}

/** Day bounds of each value of an ISO date column (NONE where a value is not a date), indexed by value id. */
function dayBounds(col: EncodedColumn): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(col.values.length).fill(NONE);
  const hi = new Int32Array(col.values.length).fill(NONE);
  col.values.forEach((v, k) => {
    const b = boundInterval(v);
    if (b) {
      lo[k] = b.lo;
      hi[k] = b.hi;
    }
  });
  return { lo, hi };
}

/**
 * Overlap of intervals read from two other columns (`from`, `to`): a record lacking either has none, and the
 * level does not hold for it.
 */
function altRangeOverlap(ds: Dataset, from: string, to: string, span: number): Test {
  const fromCol = column(ds, from);
  const toCol = column(ds, to);
  const fromDays = dayBounds(fromCol).lo;
  const toDays = dayBounds(toCol).hi;
  const fromIds = fromCol.ids;
  const toIds = toCol.ids;
  const bound = (days: Int32Array, ids: Int32Array, i: number): number => {
    const id = ids[i] ?? -1;
    return id < 0 ? NONE : (days[id] ?? NONE);
  };
  return (_a, _b, i, j) => {
    const li = bound(fromDays, fromIds, i);
    const lj = bound(fromDays, fromIds, j);
    const hiI = bound(toDays, toIds, i);
    const hj = bound(toDays, toIds, j);
    if (li === NONE || lj === NONE || hiI === NONE || hj === NONE) return false;
    return li <= hj && lj <= hiI && Math.max(hiI, hj) - Math.min(li, lj) <= span;
  };
}

function dateTest(level: LevelSettings, f: DateFeatures | undefined, ds: Dataset): Test | null {
  if (level.type === 'rangeOverlap' && level.from !== undefined && level.to !== undefined)
    return altRangeOverlap(ds, level.from, level.to, level.maxSpanDays ?? Infinity);
  if (!f) return null;
  const { year, month, day, lo, hi } = f;
  switch (level.type) {
    case 'exact':
      return (_a, _b, i, j) => day[i] !== 0 && year[i] === year[j] && month[i] === month[j] && day[i] === day[j];
    case 'yearMonth':
      return (_a, _b, i, j) => month[i] !== 0 && year[i] === year[j] && month[i] === month[j];
    case 'dayMonthSwapped':
      return (_a, _b, i, j) => day[i] !== 0 && day[j] !== 0 && year[i] === year[j] && month[i] === day[j] && day[i] === month[j];
    case 'yearWithin':
      return (_a, _b, i, j) => year[i] !== 0 && year[j] !== 0 && Math.abs((year[i] ?? 0) - (year[j] ?? 0)) <= level.years;
    case 'monthsWithin':
      return (_a, _b, i, j) =>
        month[i] !== 0 && month[j] !== 0 && Math.abs((year[i] ?? 0) * 12 + (month[i] ?? 0) - (year[j] ?? 0) * 12 - (month[j] ?? 0)) <= level.months;
    case 'rangeOverlap': {
      const span = level.maxSpanDays ?? Infinity;
      return (_a, _b, i, j) => {
        const li = lo[i] ?? 0;
        const lj = lo[j] ?? 0;
        const hiI = hi[i] ?? 0;
        const hj = hi[j] ?? 0;
        return li <= hj && lj <= hiI && Math.max(hiI, hj) - Math.min(li, lj) <= span;
      };
    }
    case 'rangeWithin':
      return (_a, _b, i, j) => (lo[i] ?? 0) <= (hi[j] ?? 0) + level.days && (lo[j] ?? 0) <= (hi[i] ?? 0) + level.days;
    case 'exactOn':
    case 'swapped':
    case 'jaroWinkler':
    case 'damerauLevenshtein':
      return null;
  }
}

/** Lazily computed similarities of the current pair, shared by the levels of one comparison. */
interface PairMemo {
  jw: number;
  dl: number;
}

function stringTest(level: LevelSettings, ds: Dataset, col: EncodedColumn, memo: PairMemo, maxDl: number): Test {
  const vals = col.values;
  switch (level.type) {
    case 'exact':
      return (a, b) => a === b;
    case 'exactOn': {
      const other = column(ds, level.column).ids;
      return (_a, _b, i, j) => other[i] !== -1 && other[i] === other[j];
    }
    case 'swapped': {
      const other = column(ds, level.column);
      return (a, b, i, j) => {
        const oi = other.ids[i] ?? -1;
        const oj = other.ids[j] ?? -1;
        return oi !== -1 && oj !== -1 && vals[a] === other.values[oj] && vals[b] === other.values[oi];
      };
    }
    case 'jaroWinkler':
      return (a, b) => {
        if (a === b) return true;
        if (memo.jw < 0) memo.jw = jaroWinkler(vals[a] ?? '', vals[b] ?? '');
        return memo.jw >= level.min;
      };
    case 'damerauLevenshtein':
      return (a, b) => {
        if (a === b) return true;
        if (memo.dl < 0) memo.dl = damerauLevenshtein(vals[a] ?? '', vals[b] ?? '', maxDl);
        return memo.dl <= level.max;
      };
    case 'yearMonth':
    case 'dayMonthSwapped':
    case 'yearWithin':
    case 'monthsWithin':
    case 'rangeOverlap':
    case 'rangeWithin':
      return () => false;
  }
}

const VALUE_ONLY = new Set(['exact', 'jaroWinkler', 'damerauLevenshtein']);

/** Builds one comparator per comparison over a prepared dataset. */
export function compileComparator(c: ComparisonSettings, ds: Dataset, useCache = true): Comparator {
  const col = column(ds, c.column);
  const ids = col.ids;
  const last = c.levels.length;
  const memo: PairMemo = { jw: -1, dl: -1 };
  const maxDl = Math.max(0, ...c.levels.map((l) => (l.type === 'damerauLevenshtein' ? l.max : 0)));
  if (c.kind === 'date') {
    const f = ds.dates.get(c.name);
    const tests = c.levels.map((l): Test => {
      const dt = dateTest(l, f, ds);
      if (dt) return dt;
      const st = stringTest(l, ds, col, memo, maxDl);
      return (a, b, i, j) => a !== -1 && b !== -1 && st(a, b, i, j);
    });
    const lo = f?.lo;
    return (i, j) => {
      const a = ids[i] ?? -1;
      const b = ids[j] ?? -1;
      if (lo ? lo[i] === NONE || lo[j] === NONE : a === -1 || b === -1) return -1;
      memo.jw = -1;
      memo.dl = -1;
      for (let k = 0; k < last; k++) if (tests[k]?.(a, b, i, j)) return k;
      return last;
    };
  }
  const tests = c.levels.map((l) => stringTest(l, ds, col, memo, maxDl));
  const cacheable = c.levels.every((l) => VALUE_ONLY.has(l.type));
  const card = col.values.length;
  const cache = useCache && cacheable && card * card < 2 ** 30 ? new Map<number, number>() : null;
  return (i, j) => {
    const a = ids[i] ?? -1;
    const b = ids[j] ?? -1;
    if (a === -1 || b === -1) return -1;
    memo.jw = -1;
    memo.dl = -1;
    if (cache) {
      const key = a < b ? a * card + b : b * card + a;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      let level = last;
      for (let k = 0; k < last; k++) {
        if (tests[k]?.(a, b, i, j)) {
          level = k;
          break;
        }
      }
      if (cache.size > 4_000_000) cache.clear();
      cache.set(key, level);
      return level;
    }
    for (let k = 0; k < last; k++) if (tests[k]?.(a, b, i, j)) return k;
    return last;
  };
}

/** Comparators for every comparison of the settings, in order. */
export function compileComparators(comparisons: readonly ComparisonSettings[], ds: Dataset, useCache = true): Comparator[] {
  return comparisons.map((c) => compileComparator(c, ds, useCache));
}
