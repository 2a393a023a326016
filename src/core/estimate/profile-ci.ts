import { fitSpec, type ModelSpec } from './loglinear.js';
import { maximize, findRoot } from './optimize.js';
import { observedTotal, type PatternTable } from './pattern-table.js';
import { CHISQ1_95, lgamma } from './special.js';

/** Multinomial profile-likelihood interval for N (Rcapture's closedpCI.t). */
export interface ProfileInterval {
  /** N maximising the multinomial profile likelihood (Rcapture prints it beside the interval). */
  mle: number;
  lower: number;
  upper: number;
  /** True when the upper bound was not reached below `maxFactor` × the Poisson estimate. */
  upperOpen: boolean;
}

/** Cormack's (1992) correction turning the Poisson deviance into a multinomial profile log-likelihood. */
function correction(n0: number, total: number): number {
  if (total > 100)
    return n0 === 0 || n0 === 1
      ? -total + 0.5 * Math.log(2 * Math.PI * total)
      : n0 - total - 0.5 * Math.log(n0 / total);
  const n0LogN0 = n0 > 0 ? n0 * Math.log(n0) : 0;
  return n0LogN0 + lgamma(total + 1) - total * Math.log(total) - lgamma(n0 + 1);
}

/**
 * 95% profile-likelihood interval for the population size under a model: for each N the model is
 * refitted with the unseen cell set to N − n, as Rcapture's closedpCI.t does.
 * `poissonN` is the model's Poisson estimate (it bounds the search, as in Rcapture).
 */
export function profileInterval(
  table: PatternTable,
  spec: ModelSpec,
  poissonN: number,
  level = CHISQ1_95,
  maxFactor = 3,
): ProfileInterval {
  const t = table.lists.length;
  const n = observedTotal(table);
  if (!Number.isFinite(poissonN) || poissonN < n)
    throw new Error(`the model ${spec.name} gives no finite estimate, so no interval can be computed`);
  const y = table.cells.slice();
  const loglik = (N: number): number => {
    const n0 = N - n;
    y[0] = n0;
    const { fit } = fitSpec(spec, t, y, true);
    return (fit.deviance - 2 * correction(n0, N)) / -2;
  };
  const best = maximize(loglik, n, 3 * poissonN);
  const target = best.value - level / 2;
  const g = (N: number): number => loglik(N) - target;
  const lower = findRoot(g, n, best.x) ?? n;
  const upperRoot = findRoot(g, best.x, maxFactor * poissonN);
  return { mle: best.x, lower, upper: upperRoot ?? maxFactor * poissonN, upperOpen: upperRoot === null };
}
