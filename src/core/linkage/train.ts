import { candidatePairs } from './blocking.js';
import { NONE, type Dataset } from './dataset.js';
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

/** Adds each comparison's level of every pair to `counts` (per comparison, per level). */
export function countLevels(comparators: readonly Comparator[], pairs: PairList, counts: Float64Array[]): void {
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs.a[k] ?? 0;
    const j = pairs.b[k] ?? 0;
    comparators.forEach((cmp, c) => {
      const l = cmp(i, j);
      const row = counts[c];
      if (l >= 0 && row) row[l] = (row[l] ?? 0) + 1;
    });
  }
}

/**
 * The random pairs u is estimated from (seeded), or null when the data are small enough to use every pair.
 */
export function uSamplePairs(ds: Dataset, settings: LinkageSettings): PairList | null {
  if (totalPairs(ds) <= settings.uSamplePairs) return null;
  const rnd = seededRandom(settings.seed);
  const n = ds.size;
  const a: number[] = [];
  const b: number[] = [];
  if (ds.linkMode) ds.source.forEach((s, i) => (s === 0 ? a : b).push(i));
  const out = new PairBuffer();
  for (let k = 0; k < settings.uSamplePairs; k++) {
    if (ds.linkMode) {
      out.push(a[Math.floor(rnd() * a.length)] ?? 0, b[Math.floor(rnd() * b.length)] ?? 0);
    } else {
      const i = Math.floor(rnd() * n);
      let j = Math.floor(rnd() * (n - 1));
      if (j >= i) j++;
      out.push(i, j);
    }
  }
  return out.toList();
}

/** u from level counts of non-matches: one pseudo-count per level added, normalised per comparison. */
export function uFromCounts(counts: readonly Float64Array[]): number[][] {
  return counts.map((row) => {
    const withPrior = row.map((v) => v + 1);
    const sum = withPrior.reduce((s, v) => s + v, 0);
    return Array.from(withPrior, (v) => v / sum);
  });
}

/** Zeroed level counts, one row per comparison. */
export function emptyCounts(settings: LinkageSettings): Float64Array[] {
  return settings.comparisons.map((c) => new Float64Array(levelCount(c)));
}

/** Estimates u (level shares among non-matches) from random pairs, with one pseudo-count per level. */
export function estimateU(ds: Dataset, settings: LinkageSettings, comparators: readonly Comparator[]): number[][] {
  const counts = emptyCounts(settings);
  const sample = uSamplePairs(ds, settings);
  if (sample) countLevels(comparators, sample, counts);
  else {
    const all = new PairBuffer();
    for (let i = 0; i < ds.size; i++) for (let j = i + 1; j < ds.size; j++) if (!ds.linkMode || ds.source[i] !== ds.source[j]) all.push(i, j);
    countLevels(comparators, all.toList(), counts);
  }
  return uFromCounts(counts);
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

/** Share of records on which a comparison has a value (for a date, a value or a range). */
function presentShare(ds: Dataset, settings: LinkageSettings, c: number): number {
  const cmp = settings.comparisons[c];
  if (!cmp || ds.size === 0) return 1;
  const lo = cmp.kind === 'date' ? ds.dates.get(cmp.name)?.lo : undefined;
  const ids = ds.columns.get(cmp.column)?.ids;
  let n = 0;
  for (let i = 0; i < ds.size; i++) if (lo ? lo[i] !== NONE : (ids?.[i] ?? -1) >= 0) n++;
  return n / ds.size;
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

/** One EM session: pairs blocked on a training rule, a sample of them, and (once computed) their levels. */
export interface EmSession {
  rule: readonly string[];
  /** Pairs the rule blocks in all. */
  total: number;
  pairs: PairList;
}

/** The EM sessions of the settings' training rules (rules that block no pair are left out). */
export function emSessions(settings: LinkageSettings, ds: Dataset): EmSession[] {
  const sessions: EmSession[] = [];
  for (const rule of settings.training ?? settings.blocking) {
    const all = candidatePairs(ds, [rule], settings.maxBlockSize).pairs;
    if (all.length === 0) continue;
    sessions.push({ rule, total: all.length, pairs: samplePairs(all, settings.emMaxPairs, settings.seed) });
  }
  return sessions;
}

/** The progress line of an EM session. */
export function emMessage(s: EmSession): string {
  return `EM on ${s.pairs.length} of ${s.total} pairs blocked on ${s.rule.join(' + ')}`;
}

/** Fits m by EM per session (levels given per session) with u fixed, then the prior: the model. */
export function fitModel(settings: LinkageSettings, ds: Dataset, u: number[][], sessions: readonly (EmSession & { levels: Int8Array[] })[], progress: ProgressFn): LinkageModel {
  const mInit = settings.comparisons.map((c) => initialM(levelCount(c)));
  const mSum = settings.comparisons.map((c) => new Array<number>(levelCount(c)).fill(0));
  const mN = new Array<number>(settings.comparisons.length).fill(0);
  const expectations: { rule: readonly string[]; expected: number }[] = [];
  for (const { rule, total, pairs, levels } of sessions) {
    const patterns = toPatterns(levels, settings.comparisons.map(levelCount), pairs.length);
    const active = settings.comparisons.map((c) => !rule.includes(c.column));
    const { m, lambda } = runEm(patterns, active, u, mInit, settings.emMaxIterations);
    active.forEach((on, c) => {
      if (!on) return;
      const row = mSum[c];
      m[c]?.forEach((v, l) => row && (row[l] = (row[l] ?? 0) + v));
      mN[c] = (mN[c] ?? 0) + 1;
    });
    expectations.push({ rule, expected: lambda * total });
  }
  const m = mSum.map((row, c) => ((mN[c] ?? 0) > 0 ? row.map((v) => v / (mN[c] ?? 1)) : [...(mInit[c] ?? [])]));
  const total = totalPairs(ds);
  let prior = settings.priorMatchProbability;
  if (prior === undefined) {
    const estimates = expectations.map(({ rule, expected }) => {
      let recall = 1;
      for (const col of rule) {
        const c = settings.comparisons.findIndex((cmp) => cmp.column === col && exactLevel(settings, settings.comparisons.indexOf(cmp)) >= 0);
        // A match is found by the rule only where both records have the value: its share counts too.
        if (c >= 0) recall *= Math.max(0.05, (m[c]?.[exactLevel(settings, c)] ?? 1) * presentShare(ds, settings, c) ** 2);
      }
      return expected / recall;
    });
    const matches = estimates.length > 0 ? estimates.reduce((s, v) => s + v, 0) / estimates.length : ds.size / 2;
    prior = Math.min(0.5, Math.max(1 / Math.max(1, total), matches / Math.max(1, total)));
  }
  progress(`prior match probability ${prior.toExponential(3)}`);
  return { settings, m, u, prior, tf: termFrequencies(settings, ds) };
}

/** Trains a Fellegi-Sunter model without labels: u from random pairs, m by EM per training rule, prior from EM. */
export function trainModel(settings: LinkageSettings, ds: Dataset, progress: ProgressFn = () => undefined): LinkageModel {
  const comparators = compileComparators(settings.comparisons, ds);
  progress('estimating u from random pairs');
  const u = estimateU(ds, settings, compileComparators(settings.comparisons, ds, false));
  const sessions = emSessions(settings, ds).map((s) => {
    progress(emMessage(s));
    return { ...s, levels: computeLevels(comparators, s.pairs) };
  });
  return fitModel(settings, ds, u, sessions, progress);
}
