import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import { splitClaim } from '../../services/review/merge.service.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { reasonBodySchema } from './api.schemas.js';
import { parseJson } from './parse-body.js';
import { answer } from './answer.js';

/** /api/claims/:id/split: a claim about someone else becomes its own person (verifiers and admins). */
export function claimRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/:id/split', requireAction('person.merge'), async (c) => {
    const body = await parseJson(c, reasonBodySchema);
    if (!body.ok) return body.response;
    const input = { claim: c.req.param('id'), actor: c.var.user.username, reason: body.data.reason };
    return answer(c, async () => c.json(await splitClaim(db, input)));
  });
  return app;
}
