import { z } from 'zod';

// Request bodies and queries of the analysts' API (strict: an unknown key is a 400 naming it).

const reason = z.string().trim().min(3, 'a written reason of at least 3 characters').max(2_000);
const id = z.string().min(1).max(200);

/** GET /api/queues/backlog */
export const backlogQuerySchema = z.strictObject({
  region: z.string().max(20).optional(),
  category: z.string().max(30).optional(),
  sourceKind: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** GET /api/queues/duplicates */
export const duplicatesQuerySchema = z.strictObject({
  includeUnsure: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** POST /api/queues/duplicates/:pairId/decision */
export const pairDecisionBodySchema = z.strictObject({
  decision: z.enum(['same', 'different', 'unsure']),
  reason: z.string().trim().max(2_000).optional(),
});

/** POST /api/persons/:id/merge: this person is merged into `into`. */
export const mergeBodySchema = z.strictObject({ into: id, reason });

/** POST /api/persons/:id/unmerge, POST /api/claims/:id/split */
export const reasonBodySchema = z.strictObject({ reason });

/** The error body of every refused request. */
export const errorSchema = z.object({ error: z.string(), issues: z.array(z.string()).optional() });

/** "field: message" for each problem, so a 400 names the field. */
export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length === 0 ? 'body' : i.path.join('.')}: ${i.message}`);
}
