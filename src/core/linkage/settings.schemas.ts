import { z } from 'zod';

/** How a raw cell is normalised before comparison. */
export const normalizeSchema = z.enum(['trim', 'lower', 'alnum', 'digits', 'collapse', 'localPart', 'sortWords']);

/** A named input column, optionally taken from another source column (or several, joined by a space) and normalised. */
export const columnSchema = z.object({
  name: z.string().min(1),
  source: z.string().min(1).optional(),
  sources: z.array(z.string().min(1)).min(2).optional(),
  normalize: z.array(normalizeSchema).default(['trim', 'lower']),
});

/** One level of a comparison; levels are tried in order, the first that holds wins. */
export const levelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exact') }),
  z.object({ type: z.literal('exactOn'), column: z.string().min(1), label: z.string().optional() }),
  z.object({ type: z.literal('swapped'), column: z.string().min(1) }),
  z.object({ type: z.literal('jaroWinkler'), min: z.number().gt(0).lte(1) }),
  z.object({ type: z.literal('damerauLevenshtein'), max: z.number().int().min(1).max(8) }),
  z.object({ type: z.literal('yearMonth') }),
  z.object({ type: z.literal('dayMonthSwapped') }),
  z.object({ type: z.literal('yearWithin'), years: z.number().int().min(0).max(50) }),
  z.object({ type: z.literal('monthsWithin'), months: z.number().int().min(1).max(600) }),
  /**
   * Date intervals overlap; with maxSpanDays, only when both intervals together span at most that many days.
   * With `from` and `to`, the intervals are read from those columns (ISO dates) instead of the comparison's own.
   */
  z
    .object({
      type: z.literal('rangeOverlap'),
      maxSpanDays: z.number().int().min(0).optional(),
      from: z.string().min(1).optional(),
      to: z.string().min(1).optional(),
      label: z.string().optional(),
    })
    .refine((l) => (l.from === undefined) === (l.to === undefined), { error: 'rangeOverlap: give both "from" and "to", or neither' }),
  z.object({ type: z.literal('rangeWithin'), days: z.number().int().min(1).max(36500), label: z.string().optional() }),
]);

/** A comparison of one column between two records, with levels and optional term-frequency adjustment. */
export const comparisonSchema = z.object({
  name: z.string().min(1),
  column: z.string().min(1),
  kind: z.enum(['string', 'date']).default('string'),
  /** For dates: columns holding a plausible range (ISO from / to), e.g. a birth range from a stated age. */
  rangeFrom: z.string().optional(),
  rangeTo: z.string().optional(),
  levels: z.array(levelSchema).min(1),
  /** Term-frequency adjustment on the exact level: a rare value weighs more than a common one. */
  tf: z.boolean().default(false),
  /** Floor for the term frequency so a value seen once does not dominate (as Splink's tf_minimum_u_value). */
  tfMin: z.number().min(0).max(1).default(0),
});

/** A blocking rule: records are candidate pairs when they agree exactly on every listed column. */
export const blockingRuleSchema = z.array(z.string().min(1)).min(1);

/**
 * Joint term frequency: when all these comparisons agree exactly, their term-frequency adjustments are
 * replaced by one from the frequency of the combined value (a common name pair such as Иван Иванов weighs
 * less than the product of its parts suggests).
 */
export const jointTfSchema = z.object({
  comparisons: z.array(z.string().min(1)).min(2),
  column: z.string().min(1),
  tfMin: z.number().min(0).max(1).default(0),
});

export const settingsSchema = z.object({
  name: z.string().default('linkage'),
  /** Column that identifies a record; row numbers are used when absent. */
  idColumn: z.string().default('record_id'),
  /** Optional preparation step that derives comparison columns from the raw row (e.g. the person register). */
  prepare: z.enum(['none', 'person-register']).default('none'),
  columns: z.array(columnSchema).min(1),
  comparisons: z.array(comparisonSchema).min(1).max(30),
  jointTf: z.array(jointTfSchema).default([]),
  blocking: z.array(blockingRuleSchema).min(1),
  /** Blocking rules for EM training sessions (m estimated without labels); defaults to the blocking rules. */
  training: z.array(blockingRuleSchema).optional(),
  /** Random pairs sampled to estimate u. */
  uSamplePairs: z.number().int().min(1000).default(1_000_000),
  /** Largest block allowed; bigger blocks are skipped with a warning (they would be quadratic). */
  maxBlockSize: z.number().int().min(2).default(5000),
  /** Match probability from which a pair is linked. */
  threshold: z.number().gt(0).lt(1).default(0.5),
  /** Guard against chaining: two groups merge only if this share of their cross pairs score above threshold. */
  minCohesion: z.number().min(0).max(1).default(0.3),
  /** Two groups never merge when a pair across them has a match probability below this (a clear non-match). */
  cannotLinkBelow: z.number().gt(0).lt(1).optional(),
  /** Fixed prior probability that two random records match; estimated when absent. */
  priorMatchProbability: z.number().gt(0).lt(1).optional(),
  seed: z.number().int().default(42),
  emMaxIterations: z.number().int().min(1).default(30),
  /** EM runs on a uniform random sample of at most this many pairs per training rule. */
  emMaxPairs: z.number().int().min(1000).default(1_000_000),
});

export type LinkageSettings = z.infer<typeof settingsSchema>;
export type LinkageSettingsInput = z.input<typeof settingsSchema>;
export type ComparisonSettings = z.infer<typeof comparisonSchema>;
export type LevelSettings = z.infer<typeof levelSchema>;
export type ColumnSettings = z.infer<typeof columnSchema>;

/** Parses settings JSON (already decoded) into validated settings with defaults. */
export function parseSettings(input: unknown): LinkageSettings {
  return settingsSchema.parse(input);
}

/** A trained model: settings plus m/u per comparison level, prior and term frequencies. */
export const modelSchema = z.object({
  settings: settingsSchema,
  /** m[c][l] and u[c][l] for comparison c, level l (last level = "else"). */
  m: z.array(z.array(z.number())),
  u: z.array(z.array(z.number())),
  prior: z.number(),
  /** Per tf comparison name (and `joint:<column>` for joint groups): value → relative frequency among non-null values. */
  tf: z.record(z.string(), z.record(z.string(), z.number())),
});
export type LinkageModel = z.infer<typeof modelSchema>;
