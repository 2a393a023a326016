import { Hono } from 'hono';
import type { Db } from '../db/database.js';
import { countPersons } from '../db/repositories/person.repository.js';
import { NotFoundError, searchPersons } from '../services/person/person.service.js';
import { renderHomePage } from './routes/home.page.js';
import { personRoutes } from './routes/person.routes.js';
import { createPublicRoutes } from './public/public.routes.js';
import { LatestRelease } from '../services/publication/latest-release.js';
import type { ReleaseSite } from '../services/release/release-site.js';
import { securityHeaders } from './security-headers.js';
import { CandidateFinder } from '../services/review/candidates.service.js';
import { candidateQuerySchema } from '../services/review/review.schemas.js';

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
  const finder = new CandidateFinder(db);
  app.get('/api/candidates', async (c) => {
    const parsed = candidateQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: 'bad query', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    return c.json({ candidates: await finder.find(parsed.data) });
  });
  app.get('/register', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const persons = await searchPersons(db, { limit: 100, ...(q === '' ? {} : { q }) });
    return c.html(renderHomePage(persons, await countPersons(db.kysely), q, options.demo ?? false));
  });
  // The public tally: the latest release's pages, byte-identical to its static site.
  const latest = new LatestRelease(db);
  let current: ReleaseSite | null = null;
  const publicRoutes = createPublicRoutes(() => {
    if (current === null) throw new Error('no release');
    return current;
  });
  app.get('*', async (c) => {
    current = await latest.get();
    if (current === null) return c.redirect('/register');
    return publicRoutes.fetch(c.req.raw);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof NotFoundError) return c.json({ error: 'not found' }, 404);
    options.onError?.(error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
