import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { addUserAs, disableUserAs, listUsersAs, setRoleAs } from '../../services/auth/access.service.js';
import { AccountError } from '../../services/auth/user.service.js';
import type { AuthEnv } from './auth-env.js';
import { requireAction } from './session.middleware.js';

const addBodySchema = z.strictObject({
  username: z.string().max(100),
  role: z.string().max(30),
  password: z.string().max(1024),
  displayName: z.string().trim().min(1).max(200).optional(),
});
const roleBodySchema = z.strictObject({ role: z.string().max(30) });

/** Refused account changes (bad name, weak password, unknown account) answer 400 with the reason. */
async function answer(c: Context, fn: () => Promise<object>, status: 200 | 201 = 200): Promise<Response> {
  try {
    return c.json(await fn(), status);
  } catch (error) {
    if (error instanceof AccountError) return c.json({ error: error.message }, 400);
    throw error;
  }
}

/** /api/users: account management for admins (the CLI's `reckon user` over HTTP). */
export function userRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('*', requireAction('user.manage'));
  app.get('/', async (c) => c.json({ users: await listUsersAs(db, c.var.user) }));
  app.post('/', async (c) => {
    const parsed = addBodySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad body', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    const { displayName, ...rest } = parsed.data;
    return answer(c, () => addUserAs(db, c.var.user, { ...rest, ...(displayName === undefined ? {} : { displayName }) }), 201);
  });
  app.post('/:username/role', async (c) => {
    const parsed = roleBodySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad body' }, 400);
    return answer(c, () => setRoleAs(db, c.var.user, c.req.param('username'), parsed.data.role));
  });
  app.post('/:username/disable', (c) => answer(c, () => disableUserAs(db, c.var.user, c.req.param('username'))));
  return app;
}
