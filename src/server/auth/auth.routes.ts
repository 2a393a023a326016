import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthService } from '../../services/auth/auth.service.js';
import { ABSOLUTE_TIMEOUT_MS } from '../../services/auth/auth.service.js';
import { SESSION_COOKIE, type AuthEnv } from './auth-env.js';
import { clientAddress } from './client.js';

const COOKIE = { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' } as const;

/** /api/auth: login (public), logout and me (behind the session middleware). */
export function authRoutes(auth: AuthService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/login', bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.json({ error: 'request too large' }, 413) }), async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const result = await auth.login(body, clientAddress(c), getCookie(c, SESSION_COOKIE));
    c.header('Cache-Control', 'no-store');
    if (!result.ok) {
      if (result.reason === 'throttled') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        return c.json({ error: 'too many attempts; try again later' }, 429);
      }
      return c.json({ error: 'wrong username, password or code' }, 401);
    }
    setCookie(c, SESSION_COOKIE, result.token, { ...COOKIE, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
    return c.json({ user: result.user });
  });
  app.post('/logout', async (c) => {
    await auth.logout(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, COOKIE);
    return c.json({ ok: true });
  });
  app.get('/me', (c) => c.json({ user: c.var.user }));
  return app;
}
