import { candidatePairs } from './blocking.js';
import type { Dataset } from './dataset.js';
import { computeLevels, initialM, runEm, toPatterns } from './em.js';
import { compileComparators, levelCount, type Comparator } from './levels.js';
import { PairBuffer, type PairList } from './pairs.js';
import { seededRandom } from './random.js';
import type { LinkageModel, LinkageSettings } from './settings.schemas.js';

/** Progress messages from long steps, for stderr. */
export type ProgressFn = (message: string) => void;

/** Number of possible pairs: n(n-1)/2 for dedupe, |A|·|B| for link. */
export function totalPairs(ds: Dataset): number {
  if (!ds.linkMode) return (ds.size * (ds.size - 1)) / 2;
  let a = 0;
  for (const s of ds.source) if (s === 0) a++;
  return a * (ds.size - a);
}

/** Estimates u (level shares among non-matches) from random pairs, with one pseudo-count per level. */
export function estimateU(ds: Dataset, settings: LinkageSettings, comparators: readonly Comparator[]): number[][] {
  const counts = settings.comparisons.map((c) => new Float64Array(levelCount(c)).fill(1));
  const add = (i: number, j: number): void => {
    comparators.forEach((cmp, c) => {
      const l = cmp(i, j);
      const row = counts[c];
      if (l >= 0 && row) row[l] = (row[l] ?? 0) + 1;
    });
  };
  const total = totalPairs(ds);
  const n = ds.size;
  if (total <= settings.uSamplePairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (!ds.linkMode || ds.source[i] !== ds.source[j]) add(i, j);
  } else {
    const rnd = seededRandom(settings.seed);
    const a: number[] = [];
    const b: number[] = [];
    ds.source.forEach((s, i) => (s === 0 ? a : b).push(i));
    for (let k = 0; k < settings.uSamplePairs; k++) {
      if (ds.linkMode) {
        add(a[Math.floor(rnd() * a.length)] ?? 0, b[Math.floor(rnd() * b.length)] ?? 0);
      } else {
        const i = Math.floor(rnd() * n);
        let j = Math.floor(rnd() * (n - 1));
        if (j >= i) j++;
        add(i, j);
      }
    }
  }
  return counts.map((row) => {
    const sum = row.reduce((s, v) => s + v, 0);
    return Array.from(row, (v) => v / sum);
  });
}

/** A uniform random subset of at most `max` pairs (all of them when there are fewer). */
export function samplePairs(pairs: PairList, max: number, seed: number): PairList {
  if (pairs.length <= max) return pairs;
  const rnd = seededRandom(seed);
  const out = new PairBuffer();
  // Selection sampling (Knuth's algorithm S): each pair kept with the right conditional probability.
  let needed = max;
  for (let k = 0; k < pairs.length && needed > 0; k++) {
    if (rnd() * (pairs.length - k) < needed) {
      out.push(pairs.a[k] ?? 0, pairs.b[k] ?? 0);
      needed--;
    }
  }
  return out.toList();
}

function exactLevel(settings: LinkageSettings, c: number): number {
  return settings.comparisons[c]?.levels.findIndex((l) => l.type === 'exact') ?? -1;
}

/** Term frequencies of the values of tf-adjusted comparisons (value → share among non-missing). */
export function termFrequencies(settings: LinkageSettings, ds: Dataset): LinkageModel['tf'] {
  const tf: LinkageModel['tf'] = {};
  for (const c of settings.comparisons) {
    if (!c.tf) continue;
    const col = ds.columns.get(c.column);
    if (!col) continue;
    const table: Record<string, number> = {};
    col.values.forEach((v, k) => (table[v] = col.freq[k] ?? 0));
    tf[c.name] = table;
  }
  for (const g of settings.jointTf) {
    const col = ds.columns.get(g.column);
    if (!col) continue;
    const table: Record<string, number> = {};
    col.values.forEach((v, k) => (table[v] = col.freq[k] ?? 0));
    tf[`joint:${g.column}`] = table;
  }
  return tf;
}

/** Trains a Fellegi-Sunter model without labels: u from random pairs, m by EM per training rule, prior from EM. */
export function trainModel(settings: LinkageSettings, ds: Dataset, progress: ProgressFn = () => undefined): LinkageModel {
  const comparators = compileComparators(settings.comparisons, ds);
  progress('estimating u from random pairs');
  const u = estimateU(ds, settings, compileComparators(settings.comparisons, ds, false));
  const mInit = settings.comparisons.map((c) => initialM(levelCount(c)));
  const mSum = settings.comparisons.map((c) => new Array<number>(levelCount(c)).fill(0));
  const mN = new Array<number>(settings.comparisons.length).fill(0);
  const sessions: { rule: readonly string[]; expected: number }[] = [];
  for (const rule of settings.training ?? settings.blocking) {
    const all = candidatePairs(ds, [rule], settings.maxBlockSize).pairs;
    if (all.length === 0) continue;
    const pairs = samplePairs(all, settings.emMaxPairs, settings.seed);
    progress(`EM on ${pairs.length} of ${all.length} pairs blocked on ${rule.join(' + ')}`);
    const levels = computeLevels(comparators, pairs);
    const patterns = toPatterns(levels, settings.comparisons.map(levelCount), pairs.length);
    const active = settings.comparisons.map((c) => !rule.includes(c.column));
    const { m, lambda } = runEm(patterns, active, u, mInit, settings.emMaxIterations);
    active.forEach((on, c) => {
      if (!on) return;
      const row = mSum[c];
      m[c]?.forEach((v, l) => row && (row[l] = (row[l] ?? 0) + v));
      mN[c] = (mN[c] ?? 0) + 1;
    });
    sessions.push({ rule, expected: lambda * all.length });
  }
  const m = mSum.map((row, c) => ((mN[c] ?? 0) > 0 ? row.map((v) => v / (mN[c] ?? 1)) : [...(mInit[c] ?? [])]));
  const total = totalPairs(ds);
  let prior = settings.priorMatchProbability;
  if (prior === undefined) {
    const estimates = sessions.map(({ rule, expected }) => {
      let recall = 1;
      for (const col of rule) {
        const c = settings.comparisons.findIndex((cmp) => cmp.column === col && exactLevel(settings, settings.comparisons.indexOf(cmp)) >= 0);
        if (c >= 0) recall *= Math.max(0.05, m[c]?.[exactLevel(settings, c)] ?? 1);
      }
      return expected / recall;
    });
    const matches = estimates.length > 0 ? estimates.reduce((s, v) => s + v, 0) / estimates.length : ds.size / 2;
    prior = Math.min(0.5, Math.max(1 / Math.max(1, total), matches / Math.max(1, total)));
  }
  progress(`prior match probability ${prior.toExponential(3)}`);
  return { settings, m, u, prior, tf: termFrequencies(settings, ds) };
}
