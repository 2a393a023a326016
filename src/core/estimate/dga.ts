import { decomposableGraphs, type DecomposableGraph } from './decomposable-graphs.js';
import { observedTotal, type PatternTable } from './pattern-table.js';
import { lgamma } from './special.js';

export interface DgaOptions {
  /** Hyper-Dirichlet prior count per cell; default 2^−p. */
  delta?: number;
  /** Candidate numbers of unseen people; default 0, 1, … until the posterior tail is negligible. */
  nMissing?: readonly number[];
}

export interface DgaPosterior {
  /** Candidate totals N = n + Nmissing and their posterior probabilities (averaged over graphs). */
  N: Float64Array;
  probability: Float64Array;
  /** Posterior probability of each graph, aligned with `graphs`. */
  graphWeights: Float64Array;
  graphs: DecomposableGraph[];
  mean: number;
  median: number;
  lower: number;
  upper: number;
  mode: number;
  delta: number;
}

function marginalCounts(cells: readonly number[], component: number): Map<number, number> {
  const d = new Map<number, number>();
  cells.forEach((c, m) => {
    if (m === 0) return;
    const key = m & component;
    d.set(key, (d.get(key) ?? 0) + c);
  });
  return d;
}

function bits(m: number): number {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
}

function logWeights(
  table: PatternTable,
  graphs: readonly DecomposableGraph[],
  nMissing: readonly number[],
  delta: number,
): Float64Array[] {
  const p = table.lists.length;
  const cells = table.cells;
  const n = observedTotal(table);
  const sumAlpha = delta * 2 ** p;
  // log marginal likelihood of each component (bitmask) for each candidate Nmissing
  const comp: Float64Array[] = [];
  for (let c = 1; c < 1 << p; c++) {
    const alpha = delta * 2 ** (p - bits(c));
    const d = marginalCounts(cells, c);
    let fixed = 0;
    for (let sub = c; sub; sub = (sub - 1) & c) fixed += lgamma((d.get(sub) ?? 0) + alpha) - lgamma(alpha);
    const zero = d.get(0) ?? 0;
    comp[c] = Float64Array.from(nMissing, (nm) => fixed + lgamma(zero + nm + alpha) - lgamma(alpha));
  }
  let logYFact = 0;
  for (let m = 1; m < cells.length; m++) logYFact += lgamma((cells[m] ?? 0) + 1);
  const common = Float64Array.from(
    nMissing,
    (nm) => lgamma(nm + n + 1) - logYFact - lgamma(nm + 1) - Math.log(n + nm),
  );
  const norm = Float64Array.from(nMissing, (nm) => lgamma(sumAlpha) - lgamma(nm + n + sumAlpha));
  return graphs.map((g) => {
    const w = Float64Array.from(common);
    const parts = g.cliques.length - g.separators.length;
    for (let i = 0; i < w.length; i++) {
      let v = (w[i] ?? 0) + parts * (norm[i] ?? 0);
      for (const c of g.cliques) v += comp[c]?.[i] ?? 0;
      for (const s of g.separators) v -= comp[s]?.[i] ?? 0;
      w[i] = v;
    }
    return w;
  });
}

function defaultRange(n: number): number[] {
  return Array.from({ length: Math.max(200, 4 * n) + 1 }, (_, i) => i);
}

/**
 * Bayesian model averaging over decomposable graphical models (Madigan & York 1997, as the dga
 * package): posterior of N under a hyper-Dirichlet prior and p(N) ∝ 1/N, over 3 to 5 lists.
 */
export function dgaPosterior(table: PatternTable, options: DgaOptions = {}): DgaPosterior {
  const p = table.lists.length;
  if (p < 3 || p > 5) throw new Error(`dga needs 3 to 5 lists; this table has ${p}`);
  const n = observedTotal(table);
  const delta = options.delta ?? 2 ** -p;
  let nMissing = options.nMissing ?? defaultRange(n);
  const graphs = decomposableGraphs(p);
  for (;;) {
    const logw = logWeights(table, graphs, nMissing, delta);
    let max = Number.NEGATIVE_INFINITY;
    for (const w of logw) for (const v of w) if (v > max) max = v;
    const probability = new Float64Array(nMissing.length);
    const graphWeights = new Float64Array(graphs.length);
    let total = 0;
    logw.forEach((w, g) => {
      for (let i = 0; i < w.length; i++) {
        const e = Math.exp((w[i] ?? 0) - max);
        probability[i] = (probability[i] ?? 0) + e;
        graphWeights[g] = (graphWeights[g] ?? 0) + e;
        total += e;
      }
    });
    for (let i = 0; i < probability.length; i++) probability[i] = (probability[i] ?? 0) / total;
    for (let g = 0; g < graphWeights.length; g++) graphWeights[g] = (graphWeights[g] ?? 0) / total;
    const tail = probability[probability.length - 1] ?? 0;
    if (options.nMissing === undefined && tail > 1e-9 && nMissing.length < 50 * n + 1000) {
      nMissing = Array.from({ length: nMissing.length * 2 }, (_, i) => i);
      continue;
    }
    return summarize(
      Float64Array.from(nMissing, (nm) => n + nm),
      probability,
      graphWeights,
      graphs,
      delta,
    );
  }
}

function summarize(
  N: Float64Array,
  probability: Float64Array,
  graphWeights: Float64Array,
  graphs: DecomposableGraph[],
  delta: number,
): DgaPosterior {
  let mean = 0;
  let mode = N[0] ?? 0;
  let best = -1;
  for (let i = 0; i < N.length; i++) {
    mean += (N[i] ?? 0) * (probability[i] ?? 0);
    if ((probability[i] ?? 0) > best) {
      best = probability[i] ?? 0;
      mode = N[i] ?? 0;
    }
  }
  const quantile = (q: number): number => {
    let cum = 0;
    for (let i = 0; i < N.length; i++) {
      cum += probability[i] ?? 0;
      if (cum >= q) return N[i] ?? 0;
    }
    return N[N.length - 1] ?? 0;
  };
  return {
    N,
    probability,
    graphWeights,
    graphs,
    mean,
    median: quantile(0.5),
    lower: quantile(0.025),
    upper: quantile(0.975),
    mode,
    delta,
  };
}
