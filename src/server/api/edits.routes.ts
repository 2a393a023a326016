import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import { revertEditsBy } from '../../services/person/bulk-revert.service.js';
import { editBodySchema, editDecisionBodySchema, pendingEditsQuerySchema, revertBodySchema } from '../../services/person/person-edit.schemas.js';
import { approveEdit, declineEdit, editPerson, pendingEdits } from '../../services/person/person-edit.service.js';
import { revertEvent } from '../../services/person/person-revert.service.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { answer } from './answer.js';
import { parseJson, parseQuery } from './parse-body.js';

/**
 * Field edits with revert (mounted at /api): edit a person's field, revert one event of its history, approve or
 * decline edits of confirmed persons (REV-4EYES), and revert every edit of one account (admins).
 */
export function editRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/persons/:id/edit', requireAction('person.edit'), async (c) => {
    const body = await parseJson(c, editBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => {
      const result = await editPerson(db, c.var.user, c.req.param('id'), body.data);
      return c.json(result, result.state === 'pending' ? 202 : 200);
    });
  });
  app.post('/persons/:id/revert', requireAction('person.revert'), async (c) => {
    const body = await parseJson(c, revertBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => {
      const result = await revertEvent(db, c.var.user, c.req.param('id'), body.data);
      return c.json(result, result.state === 'pending' ? 202 : 200);
    });
  });
  app.get('/queues/edits', requireAction('queue.read'), async (c) => {
    const q = parseQuery(c, pendingEditsQuerySchema);
    if (!q.ok) return q.response;
    return c.json({ edits: await pendingEdits(db, c.var.user, q.data) });
  });
  app.post('/edits/:id/approve', requireAction('person.edit.approve'), async (c) => {
    const body = await parseJson(c, editDecisionBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await approveEdit(db, c.var.user, c.req.param('id'), body.data.reason)));
  });
  app.post('/edits/:id/decline', requireAction('person.edit.approve'), async (c) => {
    const body = await parseJson(c, editDecisionBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await declineEdit(db, c.var.user, c.req.param('id'), body.data.reason)));
  });
  app.post('/users/:username/revert-edits', requireAction('person.revert.bulk'), async (c) => {
    const body = await parseJson(c, editDecisionBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await revertEditsBy(db, c.var.user, c.req.param('username'), body.data.reason)));
  });
  return app;
}
