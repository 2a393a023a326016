import { DGA_ASSUMPTIONS, MSE_COMMON_ASSUMPTIONS } from './assumptions.js';
import { dgaPosterior, type DgaOptions } from './dga.js';
import type { EstimateResult } from './estimate.schemas.js';
import { tableInputs } from './estimate-loglinear.js';
import { checkEstimable, type PatternTable } from './pattern-table.js';

function graphName(cliques: readonly number[], p: number): string {
  const names = cliques.map((c) => {
    let s = '';
    for (let j = 0; j < p; j++) if (c & (1 << j)) s += String(j + 1);
    return s;
  });
  return `[${names.join(',')}]`;
}

/** Madigan–York Bayesian model averaging estimate (dga): posterior median and 95% credible interval. */
export function estimateDga(table: PatternTable, options: DgaOptions = {}): EstimateResult {
  checkEstimable(table);
  const p = table.lists.length;
  const post = dgaPosterior(table, options);
  const order = Array.from(post.graphWeights.keys()).sort(
    (a, b) => (post.graphWeights[b] ?? 0) - (post.graphWeights[a] ?? 0),
  );
  const top = order.slice(0, 5).map((g) => ({
    graph: graphName(post.graphs[g]?.cliques ?? [], p),
    probability: Math.round((post.graphWeights[g] ?? 0) * 1e4) / 1e4,
  }));
  const best = top[0];
  const warnings: string[] = [];
  const tail = post.probability[post.probability.length - 1] ?? 0;
  if (tail > 1e-6)
    warnings.push('the posterior of N is cut off at the top of the range searched; widen the range');
  let v = 0;
  for (let i = 0; i < post.N.length; i++)
    v += ((post.N[i] ?? 0) - post.mean) ** 2 * (post.probability[i] ?? 0);
  return {
    method: 'dga',
    estimate: post.median,
    lower: post.lower,
    upper: post.upper,
    level: 0.95,
    se: Math.sqrt(v),
    ...(best ? { model: `BMA over ${post.graphs.length} decomposable graphs; top ${best.graph}` } : {}),
    assumptions: [...MSE_COMMON_ASSUMPTIONS, ...DGA_ASSUMPTIONS],
    warnings,
    inputs: tableInputs(table),
    details: {
      mean: post.mean,
      mode: post.mode,
      delta: post.delta,
      topGraphs: top,
      nMissingRange: [
        (post.N[0] ?? 0) - tableInputs(table).observed,
        (post.N[post.N.length - 1] ?? 0) - tableInputs(table).observed,
      ],
    },
  };
}
