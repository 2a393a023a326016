import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import { decidePair, reviewQueue, showPair } from '../../services/review/review.service.js';
import { backlog } from '../../services/verification/verification.service.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { backlogQuerySchema, duplicatesQuerySchema, pairDecisionBodySchema } from './api.schemas.js';
import { parseJson, parseQuery } from './parse-body.js';
import { answer } from './answer.js';

/** /api/queues: the verification backlog and duplicate review (reading: viewers and up; deciding: verifiers and admins). */
export function queueRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/backlog', requireAction('queue.read'), async (c) => {
    const q = parseQuery(c, backlogQuerySchema);
    if (!q.ok) return q.response;
    return c.json({ persons: await backlog(db, q.data) });
  });
  app.get('/duplicates', requireAction('queue.read'), async (c) => {
    const q = parseQuery(c, duplicatesQuerySchema);
    if (!q.ok) return q.response;
    const pairs = await reviewQueue(db, { includeUnsure: q.data.includeUnsure === 'true', limit: q.data.limit, offset: q.data.offset });
    return c.json({ pairs });
  });
  app.get('/duplicates/:pairId', requireAction('queue.read'), async (c) => c.json(await showPair(db, c.req.param('pairId'))));
  app.post('/duplicates/:pairId/decision', requireAction('pair.decide'), async (c) => {
    const body = await parseJson(c, pairDecisionBodySchema);
    if (!body.ok) return body.response;
    const { decision, reason } = body.data;
    const input = { pairId: c.req.param('pairId'), decision, actor: c.var.user.username, ...(reason === undefined || reason === '' ? {} : { reason }) };
    return answer(c, async () => c.json(await decidePair(db, input)));
  });
  return app;
}
