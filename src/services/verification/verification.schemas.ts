import { z } from 'zod';

export const decisionSchema = z.object({
  personId: z.string().min(1),
  decision: z.enum(['confirmed', 'rejected', 'disputed']),
  reason: z.string().trim().min(3, 'a decision needs a written reason').max(2_000),
  actor: z.string().min(1),
});
export type DecisionInput = z.input<typeof decisionSchema>;

export const backlogQuerySchema = z.object({
  region: z.string().max(20).optional(),
  category: z.string().max(30).optional(),
  sourceKind: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type BacklogQuery = z.input<typeof backlogQuerySchema>;
