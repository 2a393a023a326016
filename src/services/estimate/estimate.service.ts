import type { EstimateResult } from '../../core/estimate/estimate.schemas.js';
import { estimateDga } from '../../core/estimate/estimate-dga.js';
import { estimateLcmcr } from '../../core/estimate/estimate-lcmcr.js';
import { estimateLoglinear } from '../../core/estimate/estimate-loglinear.js';
import { estimateRegistry } from '../../core/estimate/registry-method.js';
import type { RegistryCount, RegistryMatch } from '../../core/estimate/registry-input.js';
import type { Heterogeneity } from '../../core/estimate/loglinear-models.js';
import { PatternTableError, type PatternTable } from '../../core/estimate/pattern-table.js';

export type PatternMethod = 'loglinear' | 'lcmcr' | 'dga';

export interface PatternEstimateOptions {
  method: PatternMethod;
  seed?: number;
  heterogeneity?: Heterogeneity;
  model?: string;
  /** LCMCR run length overrides (defaults are the reference run). */
  burnIn?: number;
  samples?: number;
  thin?: number;
  source?: string;
  now?: Date;
}

/** Runs one estimation method on a pattern table and stamps the result with its date and source. */
export function estimateFromPatterns(table: PatternTable, options: PatternEstimateOptions): EstimateResult {
  let result: EstimateResult;
  switch (options.method) {
    case 'loglinear':
      result = estimateLoglinear(table, {
        ...(options.heterogeneity === undefined ? {} : { heterogeneity: options.heterogeneity }),
        ...(options.model === undefined ? {} : { model: options.model }),
      });
      break;
    case 'lcmcr':
      result = estimateLcmcr(table, {
        seed: options.seed ?? 1,
        ...(options.burnIn === undefined ? {} : { burnIn: options.burnIn }),
        ...(options.samples === undefined ? {} : { samples: options.samples }),
        ...(options.thin === undefined ? {} : { thin: options.thin }),
      });
      break;
    case 'dga':
      if (table.lists.length > 5)
        throw new PatternTableError(
          `--method dga handles 3 to 5 lists; this table has ${table.lists.length} (use loglinear or lcmcr)`,
        );
      result = estimateDga(table);
      break;
  }
  return {
    ...result,
    inputs: { ...result.inputs, ...(options.source === undefined ? {} : { source: options.source }) },
    computedAt: (options.now ?? new Date()).toISOString(),
  };
}

/** Runs the registry (probate) method and stamps the result with its date and sources. */
export function estimateFromRegistry(
  counts: readonly RegistryCount[],
  matches: readonly RegistryMatch[],
  options: { seed?: number; source?: string; now?: Date } = {},
): EstimateResult {
  const result = estimateRegistry(counts, matches, { seed: options.seed ?? 1 });
  return {
    ...result,
    inputs: { ...result.inputs, ...(options.source === undefined ? {} : { source: options.source }) },
    computedAt: (options.now ?? new Date()).toISOString(),
  };
}
