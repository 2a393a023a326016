import { describe, expect, it } from 'vitest';
import { candidatePairs } from './blocking.js';
import { clusterPairs } from './cluster.js';
import { buildDataset, type RawRow } from './dataset.js';
import { computeLevels, runEm, toPatterns } from './em.js';
import { compileComparators } from './levels.js';
import { PairBuffer } from './pairs.js';
import { parseSettings } from './settings.schemas.js';

const settings = parseSettings({
  idColumn: 'id',
  columns: [{ name: 'first' }, { name: 'last' }, { name: 'dob' }, { name: 'city' }],
  comparisons: [
    { name: 'first', column: 'first', levels: [{ type: 'exact' }, { type: 'swapped', column: 'last' }, { type: 'jaroWinkler', min: 0.92 }, { type: 'jaroWinkler', min: 0.8 }] },
    { name: 'dob', column: 'dob', kind: 'date', levels: [{ type: 'exact' }, { type: 'dayMonthSwapped' }, { type: 'yearMonth' }, { type: 'yearWithin', years: 1 }] },
    { name: 'city', column: 'city', levels: [{ type: 'exact' }] },
  ],
  blocking: [['last'], ['dob']],
});

const rows: RawRow[] = [
  { id: 'a', first: 'Martha', last: 'Smith', dob: '1981-04-12', city: 'York' },
  { id: 'b', first: 'Marhta', last: 'Smith', dob: '1981-12-04', city: 'York' },
  { id: 'c', first: 'Smith', last: 'Martha', dob: '1981-04-12', city: '' },
  { id: 'd', first: 'John', last: 'Smith', dob: '1982-04-30', city: 'Leeds' },
  { id: 'e', first: 'Jon', last: 'Brown', dob: '1990', city: 'Leeds' },
];

function levelsOf(i: number, j: number): number[] {
  const ds = buildDataset(settings, rows);
  return compileComparators(settings.comparisons, ds).map((cmp) => cmp(i, j));
}

describe('comparison levels', () => {
  it('finds exact, swapped, fuzzy, date and missing levels', () => {
    expect(levelsOf(0, 1)).toEqual([2, 1, 0]); // JW 0.96, day/month swapped, same city
    expect(levelsOf(0, 2)).toEqual([1, 0, -1]); // names swapped, same dob, city missing
    expect(levelsOf(0, 3)).toEqual([4, 3, 1]); // different name, year within 1, different city
  });

  it('treats a year-only date as not exact but within a year', () => {
    expect(levelsOf(3, 4)[1]).toBe(4); // 1982-04-30 vs 1990: else
    const ds = buildDataset(settings, [{ dob: '1990' }, { dob: '1990-06-01' }]);
    const dob = compileComparators(settings.comparisons, ds)[1];
    expect(dob?.(0, 1)).toBe(3);
  });
});

describe('blocking', () => {
  it('takes the union of rules and lists each pair once', () => {
    const ds = buildDataset(settings, rows);
    const { pairs, perRule } = candidatePairs(ds, settings.blocking, 100);
    const list = Array.from({ length: pairs.length }, (_, k) => `${pairs.a[k]}-${pairs.b[k]}`);
    expect(new Set(list).size).toBe(list.length);
    expect(list.sort()).toEqual(['0-1', '0-2', '0-3', '1-3'].sort());
    expect(perRule).toEqual([3, 1]);
  });

  it('pairs only across files in link mode', () => {
    const ds = buildDataset(settings, rows.slice(0, 2), rows.slice(2));
    const { pairs } = candidatePairs(ds, settings.blocking, 100);
    for (let k = 0; k < pairs.length; k++) expect(ds.source[pairs.a[k] ?? 0]).not.toBe(ds.source[pairs.b[k] ?? 0]);
    expect(pairs.length).toBe(3);
  });

  it('skips blocks above maxBlockSize and reports them', () => {
    const ds = buildDataset(settings, rows);
    const { oversized } = candidatePairs(ds, [['last']], 2);
    expect(oversized).toEqual([[0, 3]]);
  });
});

describe('EM', () => {
  it('recovers m from unlabelled pairs drawn from two classes', () => {
    const first = new Int8Array(1000);
    const second = new Int8Array(1000);
    for (let k = 0; k < 1000; k++) {
      const match = k < 200;
      first[k] = match ? (k % 10 === 0 ? 1 : 0) : k % 50 === 0 ? 0 : 1;
      second[k] = match ? (k % 20 === 0 ? 1 : 0) : k % 25 === 0 ? 0 : 1;
    }
    const levels = [first, second];
    const patterns = toPatterns(levels, [2, 2], 1000);
    const u = [[0.02, 0.98], [0.04, 0.96]];
    const { m, lambda } = runEm(patterns, [true, true], u, [[0.6, 0.4], [0.6, 0.4]], 100);
    expect(lambda).toBeGreaterThan(0.15);
    expect(lambda).toBeLessThan(0.25);
    expect(m[0]?.[0]).toBeGreaterThan(0.8);
    expect(m[1]?.[0]).toBeGreaterThan(0.85);
  });

  it('computes levels for every pair', () => {
    const ds = buildDataset(settings, rows);
    const buf = new PairBuffer();
    buf.push(0, 1);
    buf.push(3, 4);
    const levels = computeLevels(compileComparators(settings.comparisons, ds), buf.toList());
    expect(Array.from(levels[2] ?? [])).toEqual([0, 0]);
  });
});

describe('levels on other columns', () => {
  const windows = parseSettings({
    columns: [{ name: 'death' }, { name: 'from' }, { name: 'to' }],
    comparisons: [
      {
        name: 'death',
        column: 'death',
        kind: 'date',
        rangeFrom: 'from',
        rangeTo: 'to',
        levels: [{ type: 'exact' }, { type: 'rangeOverlap', from: 'from', to: 'to', maxSpanDays: 120, label: 'recent' }],
      },
    ],
    blocking: [['death']],
  });
  const ds = buildDataset(windows, [
    { death: '2023-07-10', from: '2023-07-10', to: '2023-07-10' },
    { death: '', from: '2023-07-01', to: '2023-08-30' },
    { death: '', from: '2022-01-01', to: '2022-03-01' },
  ]);
  const [cmp] = compileComparators(windows.comparisons, ds);

  it('compares the intervals another pair of columns holds', () => {
    expect(cmp?.(0, 1)).toBe(1);
    expect(cmp?.(0, 2)).toBe(2);
    expect(cmp?.(1, 2)).toBe(2);
  });

  it('wants both or neither of from and to', () => {
    const level = { type: 'rangeOverlap', from: 'from' };
    expect(() => parseSettings({ ...windows, comparisons: [{ name: 'd', column: 'death', kind: 'date', levels: [level] }] })).toThrow(/both/);
  });
});

describe('clustering', () => {
  const pairsOf = (edges: [number, number, number][]): { list: ReturnType<PairBuffer['toList']>; weight: Float64Array } => {
    const buf = new PairBuffer();
    for (const [a, b] of edges) buf.push(a, b);
    return { list: buf.toList(), weight: Float64Array.from(edges, (e) => e[2]) };
  };

  it('joins records linked above the threshold', () => {
    const { list, weight } = pairsOf([[0, 1, 10], [1, 2, 8], [3, 4, -5]]);
    expect(Array.from(clusterPairs(5, list, weight, 0, 0.3))).toEqual([0, 0, 0, 3, 4]);
  });

  it('refuses a merge when any pair across the two groups is a clear non-match', () => {
    // 0 and 1 are namesakes that contradict each other (-30); 2 is a sparse record that fits both.
    const { list, weight } = pairsOf([[0, 2, 6], [1, 2, 5]]);
    const score = (i: number, j: number): number => (i + j === 1 ? -30 : (weight[i + j === 2 ? 0 : 1] ?? 0));
    expect(Array.from(clusterPairs(3, list, weight, 0, 0.5))).toEqual([0, 0, 0]);
    expect(Array.from(clusterPairs(3, list, weight, 0, 0.5, { score, cannotLinkWeight: -10 }))).toEqual([0, 1, 0]);
    // Scored cross pairs also count as links when they reach the threshold (here 0-1 at +4).
    const friendly = (i: number, j: number): number => (i + j === 1 ? 4 : 6);
    expect(Array.from(clusterPairs(3, list, weight, 0, 1, { score: friendly, cannotLinkWeight: -10 }))).toEqual([0, 0, 0]);
  });

  it('does not chain two tight groups through one weak bridge', () => {
    // {0,1,2} and {3,4,5} are cliques; a single link 2-3 bridges them.
    const edges: [number, number, number][] = [[0, 1, 20], [0, 2, 20], [1, 2, 20], [3, 4, 20], [3, 5, 20], [4, 5, 20], [2, 3, 1]];
    const { list, weight } = pairsOf(edges);
    const clusters = Array.from(clusterPairs(6, list, weight, 0, 0.3));
    expect(clusters).toEqual([0, 0, 0, 3, 3, 3]);
    expect(Array.from(clusterPairs(6, list, weight, 0, 0))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
