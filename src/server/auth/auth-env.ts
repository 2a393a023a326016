import type { SessionUser } from '../../services/auth/auth.schemas.js';

/** Hono variables set by the session middleware. */
export interface AuthEnv {
  Variables: { user: SessionUser };
}

/** The session cookie: `__Host-` so it is Secure, host-only and Path=/ by the browser's own rules. */
export const SESSION_COOKIE = '__Host-reckon';
/** The custom header every state-changing request must carry (CSRF). */
export const CSRF_HEADER = 'X-Reckon-CSRF';
