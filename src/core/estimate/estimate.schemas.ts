import { z } from 'zod';

export const estimateMethodSchema = z.enum(['loglinear', 'lcmcr', 'dga', 'registry']);
export type EstimateMethod = z.infer<typeof estimateMethodSchema>;

/** What the estimate was computed from, enough to recompute it. */
export const estimateInputsSchema = z.object({
  /** Names of the lists (multiple systems estimation) or of the registry data. */
  lists: z.array(z.string()),
  /** Distinct people observed on at least one list (the named count the estimate extends). */
  observed: z.number().int().nonnegative(),
  /** Capture-pattern counts keyed by 0/1 pattern (e.g. "1010"), list order as in `lists`. */
  patterns: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** Free-form description of the source (file name, stratum, register query). */
  source: z.string().optional(),
  stratum: z.string().optional(),
});

/** A dated, JSON-serialisable estimate of the true total, as stored and published. */
export const estimateResultSchema = z.object({
  method: estimateMethodSchema,
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
  /** Coverage of [lower, upper]; 0.95 unless said otherwise. */
  level: z.number().gt(0).lt(1),
  se: z.number().nonnegative().optional(),
  model: z.string().optional(),
  seed: z.number().int().optional(),
  /** The assumptions behind the figure, in plain words for the methodology page. */
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
  inputs: estimateInputsSchema,
  /** Method-specific detail: model table, diagnostics, posterior summaries. */
  details: z.record(z.string(), z.unknown()).optional(),
  computedAt: z.iso.datetime().optional(),
});
export type EstimateResult = z.infer<typeof estimateResultSchema>;
export type EstimateInputs = z.infer<typeof estimateInputsSchema>;
