import type { EstimateResult } from '../../core/estimate/estimate.schemas.js';
import {
  registerToLists,
  type LinkedPerson,
  type ListMapping,
  type StrataKey,
} from '../../core/estimate/register-lists.js';
import { estimateFromPatterns, type PatternEstimateOptions } from './estimate.service.js';

export interface RegisterEstimateRequest extends Omit<PatternEstimateOptions, 'source'> {
  /** Linked persons (one per cluster) with the source kinds that mention them; the DB layer supplies them. */
  persons: Iterable<LinkedPerson>;
  mapping: ListMapping;
  stratifyBy?: StrataKey[];
}

export interface StratumEstimate {
  key: string;
  observed: number;
  result?: EstimateResult;
  /** Why no estimate could be made for this stratum (e.g. no overlaps). */
  error?: string;
  warnings: string[];
}

export interface RegisterEstimate {
  overall: EstimateResult;
  strata: StratumEstimate[];
  unlisted: number;
}

/**
 * Estimates the total from the register: maps linked persons to lists, estimates overall and,
 * when asked, per stratum. A stratum that cannot be estimated gets its reason, not a number.
 */
export function estimateFromRegister(request: RegisterEstimateRequest): RegisterEstimate {
  const { persons, mapping, stratifyBy = [], ...options } = request;
  const lists = registerToLists(persons, mapping, stratifyBy);
  const overall = estimateFromPatterns(lists.overall, { ...options, source: 'register' });
  overall.warnings.unshift(...lists.warnings.filter((w) => !w.startsWith('stratum ')));
  const strata = lists.strata.map((s): StratumEstimate => {
    try {
      const result = estimateFromPatterns(s.table, { ...options, source: 'register' });
      result.inputs.stratum = s.key;
      result.warnings.unshift(...s.warnings);
      return { key: s.key, observed: s.observed, result, warnings: s.warnings };
    } catch (error) {
      return { key: s.key, observed: s.observed, error: (error as Error).message, warnings: s.warnings };
    }
  });
  return { overall, strata, unlisted: lists.unlisted };
}
