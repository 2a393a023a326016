import { quantileSorted, sortedCopy } from './special.js';

/**
 * Effective sample size of a chain (Geyer's initial monotone positive sequence over
 * autocorrelations), the figure to read beside the trace: far below the number of draws means
 * the chain mixes slowly and the run should be longer.
 */
export function effectiveSampleSize(chain: ArrayLike<number>): number {
  const n = chain.length;
  if (n < 4) return n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += chain[i] ?? 0;
  mean /= n;
  const acov = (lag: number): number => {
    let s = 0;
    for (let i = 0; i + lag < n; i++) s += ((chain[i] ?? 0) - mean) * ((chain[i + lag] ?? 0) - mean);
    return s / n;
  };
  const c0 = acov(0);
  if (c0 === 0) return n;
  let sum = 0;
  let prev = Number.POSITIVE_INFINITY;
  for (let k = 0; 2 * k + 1 < n; k++) {
    let pair = (acov(2 * k) + acov(2 * k + 1)) / c0;
    if (pair <= 0) break;
    pair = Math.min(pair, prev);
    prev = pair;
    sum += pair;
  }
  const tau = -1 + 2 * sum;
  return n / Math.max(tau, 1 / n);
}

/**
 * Geweke's convergence z-score: the mean of the first 10% of the chain against the mean of the
 * last 50%, each with its autocorrelation-corrected variance. |z| above about 2 suggests the
 * chain had not settled when sampling began.
 */
export function gewekeZ(chain: ArrayLike<number>): number {
  const n = chain.length;
  const first = Array.from({ length: Math.floor(n * 0.1) }, (_, i) => chain[i] ?? 0);
  const last = Array.from({ length: Math.floor(n * 0.5) }, (_, i) => chain[n - Math.floor(n * 0.5) + i] ?? 0);
  const meanVar = (xs: number[]): [number, number] => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1);
    return [m, v / Math.max(1, effectiveSampleSize(xs))];
  };
  if (first.length < 4 || last.length < 4) return 0;
  const [m1, v1] = meanVar(first);
  const [m2, v2] = meanVar(last);
  return v1 + v2 > 0 ? (m1 - m2) / Math.sqrt(v1 + v2) : 0;
}

export interface PosteriorSummary {
  mean: number;
  sd: number;
  median: number;
  lower: number;
  upper: number;
  ess: number;
}

/** Mean, sd, median, 2.5% and 97.5% quantiles (R type 7) and effective sample size of draws. */
export function summarizeDraws(draws: ArrayLike<number>): PosteriorSummary {
  const n = draws.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += draws[i] ?? 0;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((draws[i] ?? 0) - mean) ** 2;
  const sorted = sortedCopy(draws);
  return {
    mean,
    sd: Math.sqrt(ss / Math.max(1, n - 1)),
    median: quantileSorted(sorted, 0.5),
    lower: quantileSorted(sorted, 0.025),
    upper: quantileSorted(sorted, 0.975),
    ess: effectiveSampleSize(draws),
  };
}
