import { observedTotal, type PatternTable } from './pattern-table.js';
import { Rng } from './rng.js';

export interface LcmcrOptions {
  /** Truncation level of the stick-breaking prior (number of latent classes). */
  K?: number;
  /** Gamma(a, b) prior on the Dirichlet-process concentration. */
  a?: number;
  b?: number;
  burnIn?: number;
  samples?: number;
  thin?: number;
  seed?: number;
}

export interface LcmcrRun {
  /** Posterior draws of N, one per kept iteration, in order (the trace). */
  draws: Float64Array;
  /** Concentration parameter draws, aligned with `draws`. */
  alpha: Float64Array;
  /** Number of occupied latent classes, aligned with `draws`. */
  occupied: Uint8Array;
  iterations: number;
  options: Required<LcmcrOptions>;
}

export const LCMCR_DEFAULTS: Required<LcmcrOptions> = {
  K: 10,
  a: 0.25,
  b: 0.25,
  burnIn: 10_000,
  samples: 1_000,
  thin: 100,
  seed: 1,
};

/**
 * Gibbs sampler for the Bayesian latent-class model of Manrique-Vallier (2016): a truncated
 * Dirichlet-process mixture of product-Bernoulli distributions, with p(N) ∝ 1/N. It works on
 * aggregated pattern counts (class allocations are multinomial draws per pattern), so the cost of
 * an iteration does not grow with the number of people.
 */
export function runLcmcr(table: PatternTable, options: LcmcrOptions = {}): LcmcrRun {
  const opt = { ...LCMCR_DEFAULTS, ...options };
  const { K, a, b, burnIn, samples, thin } = opt;
  const J = table.lists.length;
  const rng = new Rng(opt.seed);
  const n = observedTotal(table);
  const patterns: number[] = [];
  const counts: number[] = [];
  table.cells.forEach((c, m) => {
    if (m > 0 && c > 0) {
      patterns.push(m);
      counts.push(c);
    }
  });
  const M = patterns.length;
  const pat = Int32Array.from(patterns);
  const cnt = Int32Array.from(counts);
  const lambda = new Float64Array(J * K); // lambda[j*K + k] = P(on list j | class k)
  const pi = new Float64Array(K);
  const V = new Float64Array(K);
  const nk = new Float64Array(K);
  const sjk = new Float64Array(J * K);
  const w = new Float64Array(K);
  const p0k = new Float64Array(K);
  // Start as LCMCR does: list probabilities at their observed marginal shares, mass spread over
  // the first classes, a small concentration, then a warm-up without the concentration update.
  let alpha = 0.3 / K;
  for (let j = 0; j < J; j++) {
    let onList = 0;
    for (let m = 0; m < M; m++) if ((pat[m] ?? 0) & (1 << j)) onList += cnt[m] ?? 0;
    for (let k = 0; k < K; k++) lambda[j * K + k] = onList / n;
  }
  for (let k = 0; k < K; k++) pi[k] = K <= 4 ? 1 / K : k < 4 ? 0.225 : 0.1 / (K - 4);

  const kept = new Float64Array(samples);
  const keptAlpha = new Float64Array(samples);
  const keptOcc = new Uint8Array(samples);
  const warmUp = 500;
  const total = warmUp + burnIn + samples * thin;

  // Allocates `count` people over classes with weights w (sum `sum`), adding to nk (and sjk for pattern bits).
  const allocate = (count: number, sum: number, mask: number): void => {
    let remaining = count;
    let rest = sum;
    for (let k = 0; k < K && remaining > 0; k++) {
      const wk = w[k] ?? 0;
      const x = k === K - 1 || rest <= wk ? remaining : rng.binomial(remaining, wk / rest);
      rest -= wk;
      if (x === 0) continue;
      remaining -= x;
      nk[k] = (nk[k] ?? 0) + x;
      for (let j = 0; j < J; j++) if (mask & (1 << j)) sjk[j * K + k] = (sjk[j * K + k] ?? 0) + x;
    }
  };

  for (let iter = 0; iter < total; iter++) {
    nk.fill(0);
    sjk.fill(0);
    // 1. latent classes of the observed, pattern by pattern
    for (let m = 0; m < M; m++) {
      const mask = pat[m] ?? 0;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        let prob = pi[k] ?? 0;
        for (let j = 0; j < J; j++) {
          const l = lambda[j * K + k] ?? 0;
          prob *= mask & (1 << j) ? l : 1 - l;
        }
        w[k] = prob;
        sum += prob;
      }
      allocate(cnt[m] ?? 0, sum, mask);
    }
    // 2. the unseen: N − n ~ NegBin(n, 1 − p0) under p(N) ∝ 1/N, then their classes
    let p0 = 0;
    for (let k = 0; k < K; k++) {
      let prob = pi[k] ?? 0;
      for (let j = 0; j < J; j++) prob *= 1 - (lambda[j * K + k] ?? 0);
      p0k[k] = prob;
      p0 += prob;
    }
    const n0 = p0 >= 1 ? 0 : rng.negativeBinomial(n, 1 - p0);
    w.set(p0k);
    allocate(n0, p0, 0);
    // 3. list probabilities per class
    for (let j = 0; j < J; j++) {
      for (let k = 0; k < K; k++) {
        const s = sjk[j * K + k] ?? 0;
        const l = rng.beta(1 + s, 1 + (nk[k] ?? 0) - s);
        lambda[j * K + k] = Math.min(Math.max(l, 1e-300), 1 - 1e-16);
      }
    }
    // 4. stick-breaking weights and the concentration
    let tail = 0;
    for (let k = 0; k < K; k++) tail += nk[k] ?? 0;
    let remainingStick = 1;
    let sumLog = 0;
    for (let k = 0; k < K; k++) {
      tail -= nk[k] ?? 0;
      let v = k === K - 1 ? 1 : rng.beta(1 + (nk[k] ?? 0), alpha + tail);
      if (k < K - 1) {
        v = Math.min(v, 1 - 1e-12);
        sumLog += Math.log(1 - v);
      }
      V[k] = v;
      pi[k] = v * remainingStick;
      remainingStick *= 1 - v;
    }
    if (iter >= warmUp) alpha = rng.gamma(a + K - 1) / (b - sumLog);
    const kept0 = iter - warmUp - burnIn + 1;
    if (kept0 > 0 && kept0 % thin === 0) {
      const s = kept0 / thin - 1;
      kept[s] = n + n0;
      keptAlpha[s] = alpha;
      let occ = 0;
      for (let k = 0; k < K; k++) if ((nk[k] ?? 0) > 0) occ++;
      keptOcc[s] = occ;
    }
  }
  return { draws: kept, alpha: keptAlpha, occupied: keptOcc, iterations: total, options: opt };
}
