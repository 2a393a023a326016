import { z } from 'zod';

export const linkRunSchema = z.object({
  actor: z.string().min(1),
  /** Pairs at or above this match probability go to the review queue. */
  reviewFrom: z.number().gt(0).lt(1).default(0.3),
  /** Merge pairs at or above this probability without review (audited, undoable); off by default. */
  autoMergeFrom: z.number().gt(0).lte(1).optional(),
  /** Use reviewers' decisions to sharpen the model. */
  useLabels: z.boolean().default(true),
});
export type LinkRunInput = z.input<typeof linkRunSchema>;

export const pairDecisionSchema = z.object({
  pairId: z.string().min(1),
  decision: z.enum(['same', 'different', 'unsure']),
  reason: z.string().max(2_000).optional(),
  actor: z.string().min(1),
});
export type PairDecisionInput = z.input<typeof pairDecisionSchema>;

/** A record typed in at intake, checked against the register before it is saved. */
export const candidateQuerySchema = z.object({
  surname: z.string().max(200).optional(),
  given_name: z.string().max(200).optional(),
  patronymic: z.string().max(200).optional(),
  full_name: z.string().max(400).optional(),
  birth_date: z.string().max(100).optional(),
  age: z.string().max(50).optional(),
  region: z.string().max(200).optional(),
  death_date: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type CandidateQuery = z.input<typeof candidateQuerySchema>;
