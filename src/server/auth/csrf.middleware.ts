import { createMiddleware } from 'hono/factory';
import { CSRF_HEADER } from './auth-env.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request must carry `X-Reckon-CSRF: 1` (a header a form cannot send and a cross-origin
 * fetch cannot send without a preflight we never grant), and, when the browser names an Origin, it must be ours.
 * `allowedOrigins` adds origins (a reverse proxy's public one); the request's own origin is always allowed.
 */
export function csrfProtection(allowedOrigins: readonly string[] = []) {
  return createMiddleware(async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const own = new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const originOk = origin === undefined || origin === own || allowedOrigins.includes(origin);
    const siteOk = fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
    if (c.req.header(CSRF_HEADER) !== '1' || !originOk || !siteOk) return c.json({ error: 'forbidden' }, 403);
    return next();
  });
}
