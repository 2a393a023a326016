import { LCMCR_ASSUMPTIONS, MSE_COMMON_ASSUMPTIONS } from './assumptions.js';
import type { EstimateResult } from './estimate.schemas.js';
import { tableInputs } from './estimate-loglinear.js';
import { LCMCR_DEFAULTS, runLcmcr, type LcmcrOptions } from './lcmcr.js';
import { gewekeZ, summarizeDraws } from './mcmc-diagnostics.js';
import { checkEstimable, type PatternTable } from './pattern-table.js';

/**
 * Bayesian latent-class estimate (LCMCR): posterior median of N with the 95% credible interval,
 * the trace of N and its effective sample size.
 */
export function estimateLcmcr(table: PatternTable, options: LcmcrOptions = {}): EstimateResult {
  checkEstimable(table);
  const run = runLcmcr(table, options);
  const s = summarizeDraws(run.draws);
  const o = run.options;
  const warnings: string[] = [];
  if (s.ess < 100)
    warnings.push(
      `the chain mixes slowly (effective sample size ${Math.round(s.ess)} of ${o.samples} draws): run longer or compare seeds`,
    );
  const geweke = gewekeZ(run.draws);
  if (Math.abs(geweke) > 3)
    warnings.push(
      `the start and end of the chain disagree (Geweke z = ${geweke.toFixed(1)}): lengthen the burn-in`,
    );
  let occupied = 0;
  for (const v of run.occupied) occupied += v;
  const summary = (x: number): number => Math.round(x * 10) / 10;
  return {
    method: 'lcmcr',
    estimate: s.median,
    lower: s.lower,
    upper: s.upper,
    level: 0.95,
    se: s.sd,
    model: `LCMCR K=${o.K} a=${o.a} b=${o.b}`,
    seed: o.seed,
    assumptions: [...MSE_COMMON_ASSUMPTIONS, ...LCMCR_ASSUMPTIONS],
    warnings,
    inputs: tableInputs(table),
    details: {
      mean: summary(s.mean),
      sd: summary(s.sd),
      ess: summary(s.ess),
      gewekeZ: Math.round(geweke * 100) / 100,
      K: o.K,
      a: o.a,
      b: o.b,
      burnIn: o.burnIn,
      samples: o.samples,
      thin: o.thin,
      iterations: run.iterations,
      meanOccupiedClasses: summary(occupied / Math.max(1, run.occupied.length)),
      trace: Array.from(run.draws),
    },
  };
}

export { LCMCR_DEFAULTS };
