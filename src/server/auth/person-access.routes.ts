import { Hono } from 'hono';
import { z } from 'zod';
import type { ConfirmationRule } from '../../core/verification/confirmation-rule.js';
import type { Db } from '../../db/database.js';
import { decideAs, getPersonFor, listPersonsFor } from '../../services/auth/access.service.js';
import { personListQuerySchema } from '../../services/person/person.schemas.js';
import { VerificationRefused } from '../../services/verification/verification.service.js';
import type { AuthEnv } from './auth-env.js';
import { requireAction } from './session.middleware.js';

const decisionBodySchema = z.strictObject({
  decision: z.enum(['confirmed', 'rejected', 'disputed']),
  reason: z.string().trim().min(3).max(2_000),
});

const issues = (e: z.ZodError): string[] => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

/** /api/persons as the signed-in account may see it, and verification decisions (verifiers and admins). */
export function personAccessRoutes(db: Db, rule: ConfirmationRule): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const parsed = personListQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: 'bad query', issues: issues(parsed.error) }, 400);
    return c.json({ persons: await listPersonsFor(db, c.var.user, parsed.data) });
  });
  app.get('/:id', async (c) => c.json(await getPersonFor(db, c.var.user, c.req.param('id'))));
  app.post('/:id/decision', requireAction('person.decide'), async (c) => {
    const parsed = decisionBodySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad body', issues: issues(parsed.error) }, 400);
    try {
      return c.json(await decideAs(db, c.var.user, rule, { personId: c.req.param('id'), ...parsed.data }));
    } catch (error) {
      if (error instanceof VerificationRefused) return c.json({ error: error.message }, 409);
      throw error;
    }
  });
  return app;
}
