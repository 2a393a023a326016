import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import { personHistoryFor } from '../../services/person/person-history.service.js';
import { mergePersons, unmergePerson } from '../../services/review/merge.service.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { claimInputSchema } from '../../services/intake/intake.schemas.js';
import { addClaimToPerson, createPersonWithClaim } from '../../services/intake/intake.service.js';
import { mergeBodySchema, reasonBodySchema } from './api.schemas.js';
import { parseJson } from './parse-body.js';
import { answer } from './answer.js';

/** /api/persons: intake (a person with a claim; a claim on a person), history, and merges with undo. */
export function personChangeRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/', requireAction('intake.write'), async (c) => {
    const body = await parseJson(c, claimInputSchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await createPersonWithClaim(db, c.var.user, body.data), 201));
  });
  app.post('/:id/claims', requireAction('intake.write'), async (c) => {
    const body = await parseJson(c, claimInputSchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await addClaimToPerson(db, c.var.user, c.req.param('id'), body.data), 201));
  });
  app.get('/:id/history', async (c) => c.json({ events: await personHistoryFor(db, c.var.user, c.req.param('id')) }));
  app.post('/:id/merge', requireAction('person.merge'), async (c) => {
    const body = await parseJson(c, mergeBodySchema);
    if (!body.ok) return body.response;
    const input = { keep: body.data.into, merge: c.req.param('id'), actor: c.var.user.username, reason: body.data.reason };
    return answer(c, async () => c.json(await mergePersons(db, input)));
  });
  app.post('/:id/unmerge', requireAction('person.merge'), async (c) => {
    const body = await parseJson(c, reasonBodySchema);
    if (!body.ok) return body.response;
    const input = { person: c.req.param('id'), actor: c.var.user.username, reason: body.data.reason };
    return answer(c, async () => c.json(await unmergePerson(db, input)));
  });
  return app;
}
