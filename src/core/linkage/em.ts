import type { Comparator } from './levels.js';
import type { PairList } from './pairs.js';

/** Level vectors of pairs aggregated into distinct patterns with counts (EM runs on patterns, not pairs). */
export interface Patterns {
  levels: Int8Array[];
  counts: Float64Array;
  size: number;
}

/** Computes every comparison's level for each pair (-1 = missing value). */
export function computeLevels(comparators: readonly Comparator[], pairs: PairList): Int8Array[] {
  return comparators.map((cmp) => {
    const out = new Int8Array(pairs.length);
    for (let k = 0; k < pairs.length; k++) out[k] = cmp(pairs.a[k] ?? 0, pairs.b[k] ?? 0);
    return out;
  });
}

/** Aggregates per-pair level vectors into distinct patterns. */
export function toPatterns(levels: readonly Int8Array[], levelCounts: readonly number[], length: number): Patterns {
  const index = new Map<number, number>();
  const rows: number[][] = [];
  const counts: number[] = [];
  for (let k = 0; k < length; k++) {
    let key = 0;
    for (let c = 0; c < levels.length; c++) key = key * ((levelCounts[c] ?? 1) + 1) + (levels[c]?.[k] ?? -1) + 1;
    let p = index.get(key);
    if (p === undefined) {
      p = rows.length;
      index.set(key, p);
      rows.push(levels.map((l) => l[k] ?? -1));
      counts.push(0);
    }
    counts[p] = (counts[p] ?? 0) + 1;
  }
  return {
    levels: levels.map((_, c) => Int8Array.from(rows, (r) => r[c] ?? -1)),
    counts: Float64Array.from(counts),
    size: rows.length,
  };
}

/** Starting m probabilities: most matches agree exactly, few fall to "else". */
export function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, l) => (levels - l) ** 3);
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / sum);
}

/**
 * Expectation-maximisation of m (u fixed) and the share of matches over patterns, for the comparisons marked active.
 * Returns m per comparison (inactive ones unchanged) and lambda, the match share among these pairs.
 */
export function runEm(
  patterns: Patterns,
  active: readonly boolean[],
  u: readonly (readonly number[])[],
  mStart: readonly (readonly number[])[],
  maxIterations: number,
): { m: number[][]; lambda: number } {
  const m = mStart.map((row) => [...row]);
  let lambda = 0.3;
  const C = patterns.levels.length;
  const post = new Float64Array(patterns.size);
  for (let it = 0; it < maxIterations; it++) {
    let matchMass = 0;
    let total = 0;
    for (let p = 0; p < patterns.size; p++) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let c = 0; c < C; c++) {
        if (!active[c]) continue;
        const l = patterns.levels[c]?.[p] ?? -1;
        if (l < 0) continue;
        pm *= m[c]?.[l] ?? 1;
        pu *= u[c]?.[l] ?? 1;
      }
      const w = pm + pu > 0 ? pm / (pm + pu) : 0;
      post[p] = w;
      const n = patterns.counts[p] ?? 0;
      matchMass += w * n;
      total += n;
    }
    let delta = 0;
    for (let c = 0; c < C; c++) {
      if (!active[c]) continue;
      const row = m[c];
      if (!row) continue;
      const acc = new Float64Array(row.length);
      let sum = 0;
      for (let p = 0; p < patterns.size; p++) {
        const l = patterns.levels[c]?.[p] ?? -1;
        if (l < 0) continue;
        const v = (post[p] ?? 0) * (patterns.counts[p] ?? 0);
        acc[l] = (acc[l] ?? 0) + v;
        sum += v;
      }
      if (sum <= 0) continue;
      for (let l = 0; l < row.length; l++) {
        const next = Math.max(1e-6, (acc[l] ?? 0) / sum);
        delta = Math.max(delta, Math.abs(next - (row[l] ?? 0)));
        row[l] = next;
      }
    }
    const nextLambda = total > 0 ? Math.min(0.999, Math.max(1e-9, matchMass / total)) : lambda;
    delta = Math.max(delta, Math.abs(nextLambda - lambda));
    lambda = nextLambda;
    if (delta < 1e-5) break;
  }
  return { m, lambda };
}
