import type { Context } from 'hono';

interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The caller's address as the socket sees it (no proxy headers trusted); used only for throttling, never logged. */
export function clientAddress(c: Context): string {
  const env = c.env as NodeEnv | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
