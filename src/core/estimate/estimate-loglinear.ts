import { LOGLINEAR_ASSUMPTIONS, MSE_COMMON_ASSUMPTIONS } from './assumptions.js';
import type { EstimateInputs, EstimateResult } from './estimate.schemas.js';
import {
  classicSpec,
  fitLoglinear,
  rankLoglinearModels,
  hierarchicalSpec,
  type LoglinearFit,
} from './loglinear.js';
import { parseModelName, type Heterogeneity } from './loglinear-models.js';
import { stepwiseLoglinearModels } from './loglinear-stepwise.js';
import { checkEstimable, observedTotal, type PatternTable } from './pattern-table.js';
import { profileInterval } from './profile-ci.js';

/** From this many lists on, models are searched stepwise (2^21 two-way models for 7 lists). */
export const STEPWISE_FROM = 7;

export interface LoglinearOptions {
  heterogeneity?: Heterogeneity;
  criterion?: 'bic' | 'aic';
  maxOrder?: number;
  /** Fit this model (e.g. "[123,14,34]") instead of the best-ranked one. */
  model?: string;
}

/** The inputs summary of a pattern table: lists, observed total and counts by pattern. */
export function tableInputs(table: PatternTable): EstimateInputs {
  const t = table.lists.length;
  const patterns: Record<string, number> = {};
  table.cells.forEach((c, m) => {
    if (m === 0 || c === 0) return;
    let key = '';
    for (let j = 0; j < t; j++) key += m & (1 << j) ? '1' : '0';
    patterns[key] = c;
  });
  return { lists: [...table.lists], observed: observedTotal(table), patterns };
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

function rowOf(f: LoglinearFit): Record<string, number | string> {
  return {
    model: f.model,
    abundance: round(f.abundance, 1),
    stderr: round(f.stderr, 1),
    deviance: round(f.deviance, 3),
    df: f.df,
    aic: round(f.aic, 3),
    bic: round(f.bic, 3),
  };
}

/**
 * Log-linear multiple systems estimate: ranks every hierarchical model by BIC (Rcapture's
 * closedpMS.t; a stepwise search from 7 lists on), keeps the best and gives its 95%
 * profile-likelihood interval (closedpCI.t).
 */
export function estimateLoglinear(table: PatternTable, options: LoglinearOptions = {}): EstimateResult {
  checkEstimable(table);
  const t = table.lists.length;
  const h = options.heterogeneity ?? 'none';
  const stepwise = t >= STEPWISE_FROM && options.maxOrder === undefined;
  const ranked = stepwise
    ? stepwiseLoglinearModels(table, h, options.criterion ?? 'bic')
    : rankLoglinearModels(table, {
        heterogeneity: h,
        criterion: options.criterion ?? 'bic',
        ...(options.maxOrder === undefined ? {} : { maxOrder: options.maxOrder }),
      });
  const spec =
    options.model === undefined ? undefined : hierarchicalSpec(t, parseModelName(options.model, t), h);
  const chosen = spec ? fitLoglinear(table, spec) : ranked[0];
  const chosenSpec =
    spec ??
    (chosen ? hierarchicalSpec(t, parseModelName(chosen.model.split(' ')[0] ?? '', t), h) : undefined);
  if (!chosen || !chosenSpec || !Number.isFinite(chosen.abundance))
    throw new Error('no log-linear model could be fitted to this table');
  const warnings: string[] = [];
  if (!chosen.converged)
    warnings.push(`the model ${chosen.model} did not converge; treat the estimate with caution`);
  const ci = profileInterval(table, chosenSpec, chosen.abundance);
  if (ci.upperOpen)
    warnings.push(
      `the upper bound of the interval is beyond ${Math.round(ci.upper)} (3 × the estimate); the data barely bound the total`,
    );
  if (chosen.abundance > 10 * observedTotal(table))
    warnings.push(
      'the estimate is over ten times the observed count: the lists overlap too little for a reliable figure',
    );
  const independence = fitLoglinear(table, classicSpec(t, 'Mt'));
  return {
    method: 'loglinear',
    estimate: chosen.abundance,
    lower: ci.lower,
    upper: ci.upper,
    level: 0.95,
    se: chosen.stderr,
    model: chosen.model,
    assumptions: [...MSE_COMMON_ASSUMPTIONS, ...LOGLINEAR_ASSUMPTIONS],
    warnings,
    inputs: tableInputs(table),
    details: {
      criterion: options.criterion ?? 'bic',
      heterogeneity: h,
      profileMle: ci.mle,
      deviance: chosen.deviance,
      df: chosen.df,
      aic: chosen.aic,
      bic: chosen.bic,
      independence: rowOf(independence),
      topModels: ranked.slice(0, 10).map(rowOf),
      modelsFitted: ranked.length,
      search: stepwise ? 'stepwise (two-way terms, from independence)' : 'all hierarchical models',
    },
  };
}
