import { Hono } from 'hono';
import type { Db } from '../db/database.js';
import { countPersons } from '../db/repositories/person.repository.js';
import { NotFoundError, searchPersons } from '../services/person/person.service.js';
import { renderHomePage } from './routes/home.page.js';
import { personRoutes } from './routes/person.routes.js';
import { securityHeaders } from './security-headers.js';

export interface AppOptions {
  db: Db;
  /** Marks every page as showing the synthetic demo register. */
  demo?: boolean;
  /** Called with unexpected errors (the log); responses stay generic. */
  onError?: (error: unknown) => void;
}

/** The HTTP app: JSON API under /api and server-rendered pages. */
export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/api/health', async (c) => c.json({ ok: true, database: db.dialect, persons: await countPersons(db.kysely) }));
  app.route('/api/persons', personRoutes(db));
  app.get('/', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const persons = await searchPersons(db, { limit: 100, ...(q === '' ? {} : { q }) });
    return c.html(renderHomePage(persons, await countPersons(db.kysely), q, options.demo ?? false));
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof NotFoundError) return c.json({ error: 'not found' }, 404);
    options.onError?.(error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
