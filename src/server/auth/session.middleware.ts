import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AuthService } from '../../services/auth/auth.service.js';
import { authorize, type Action } from '../../services/auth/policy.js';
import { SESSION_COOKIE, type AuthEnv } from './auth-env.js';

/** API paths open without a session; everything else under /api needs one (deny by default). */
export const PUBLIC_API_PATHS: readonly string[] = ['/api/health', '/api/auth/login'];

/**
 * Requires a live session and puts its account in `c.var.user`; private responses are never cached.
 * Without one: 401 for the API, or a redirect to `loginPage` for pages a browser opens.
 */
export function requireSession(auth: AuthService, except: readonly string[] = [], loginPage?: string) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    if (except.includes(c.req.path)) return next();
    const current = await auth.resolve(getCookie(c, SESSION_COOKIE));
    if (!current) return loginPage === undefined ? c.json({ error: 'login required' }, 401) : c.redirect(loginPage, 302);
    c.set('user', current.user);
    await next();
    c.header('Cache-Control', 'no-store');
  });
}

/** Refuses (403) unless the signed-in account's role may perform the action. */
export function requireAction(action: Action) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    authorize(c.var.user.role, action);
    await next();
  });
}
