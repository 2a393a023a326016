import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';

/**
 * Logs each request as one JSON line: method, path, status, milliseconds (LOGS-ERRORS). Never the query
 * string (searches name people), headers, cookies or the client's address; pino escapes CR/LF.
 */
export function requestLog(log: Logger) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    log.info({ method: c.req.method, path: c.req.path.slice(0, 200), status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
}
