import { Hono } from 'hono';
import type { Logger } from 'pino';
import { requestLog } from './request-log.js';
import type { Db } from '../db/database.js';
import { countPersons } from '../db/repositories/person.repository.js';
import { NotFoundError } from '../services/person/person.service.js';
import { renderHomePage } from './routes/home.page.js';
import { LOGIN_SCRIPT, renderLoginPage } from './routes/login.page.js';
import { createPublicRoutes } from './public/public.routes.js';
import { LatestRelease } from '../services/publication/latest-release.js';
import type { ReleaseSite } from '../services/release/release-site.js';
import { securityHeaders } from './security-headers.js';
import { CandidateFinder } from '../services/review/candidates.service.js';
import { candidateQuerySchema } from '../services/review/review.schemas.js';
import type { ConfirmationRule } from '../core/verification/confirmation-rule.js';
import { loadConfirmationRule } from '../config.js';
import { AuthService, type AuthOptions } from '../services/auth/auth.service.js';
import { listPersonsFor } from '../services/auth/access.service.js';
import { ForbiddenError } from '../services/auth/policy.js';
import type { AuthEnv } from './auth/auth-env.js';
import { authRoutes } from './auth/auth.routes.js';
import { csrfProtection } from './auth/csrf.middleware.js';
import { personAccessRoutes } from './auth/person-access.routes.js';
import { userRoutes } from './auth/user.routes.js';
import { PUBLIC_API_PATHS, requireAction, requireSession } from './auth/session.middleware.js';
import { apiRoutes } from './api/api.routes.js';
import { webAppBuilt, webAppRoutes } from './routes/web-app.js';
import { renderUnpublishedPage } from './routes/unpublished.page.js';

export interface AppOptions {
  db: Db;
  /** Marks every page as showing the synthetic demo register. */
  demo?: boolean;
  /** Called with unexpected errors (the log); responses stay generic. */
  onError?: (error: unknown) => void;
  /** Request log (one JSON line per request, no query strings or addresses). */
  logger?: Logger;
  /** Login clock and hashing (tests move time); see docs/accounts.md. */
  auth?: AuthOptions;
  /** The confirmation rule for decisions over HTTP (default: RECKON_RULE or the built-in rule). */
  rule?: ConfirmationRule;
  /** Origins besides the request's own allowed on state-changing requests (a reverse proxy's public origin). */
  allowedOrigins?: readonly string[];
  /** Where uploaded evidence files are stored (content-addressed); without it uploads answer 503. */
  evidenceStore?: string;
  /** The built workspace app served under /app/ (default src/web/dist; `npm run build:web`). */
  webDist?: string;
  /** How often candidate lookup checks whether the register grew (default 30 s; browser tests use 0). */
  candidateRecheckMs?: number;
}

/** The HTTP app: JSON API under /api and server-rendered pages. */
export function createApp(options: AppOptions): Hono<AuthEnv> {
  const { db } = options;
  const app = new Hono<AuthEnv>();
  const auth = new AuthService(db, options.auth);
  if (options.logger) app.use('*', requestLog(options.logger));
  app.use('*', securityHeaders);
  app.use('*', csrfProtection(options.allowedOrigins));
  app.use('/api/*', requireSession(auth, PUBLIC_API_PATHS));
  app.use('/register', requireSession(auth, [], '/login'));
  app.get('/api/health', async (c) => c.json({ ok: true, database: db.dialect, persons: await countPersons(db.kysely) }));
  app.route('/api/auth', authRoutes(auth));
  app.route('/api/users', userRoutes(db));
  app.route('/api/persons', personAccessRoutes(db, options.rule ?? loadConfirmationRule()));
  apiRoutes(app, db, { evidenceStore: options.evidenceStore });
  const finder = new CandidateFinder(db, options.candidateRecheckMs);
  app.get('/api/candidates', requireAction('candidate.lookup'), async (c) => {
    const parsed = candidateQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: 'bad query', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    return c.json({ candidates: await finder.find(parsed.data) });
  });
  app.route('/', webAppRoutes(options.webDist));
  app.get('/login', (c) => c.html(renderLoginPage(webAppBuilt(options.webDist) ? '/app/' : '/register')));
  app.get('/login.js', (c) => c.body(LOGIN_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/register', requireAction('register.view'), async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const persons = await listPersonsFor(db, c.var.user, { limit: 100, ...(q === '' ? {} : { q }) });
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
    if (current === null) {
      // No release yet: say so (not a redirect to the private register, which sent readers round in a loop).
      const front = ['/', '/index.html', '/ru/', '/ru/index.html', '/en/', '/en/index.html'].includes(c.req.path);
      const page = renderUnpublishedPage(webAppBuilt(options.webDist) ? '/app/' : '/login');
      return c.html(page, front ? 200 : 404, { 'Cache-Control': 'no-store' });
    }
    return publicRoutes.fetch(c.req.raw);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof NotFoundError) return c.json({ error: 'not found' }, 404);
    if (error instanceof ForbiddenError) return c.json({ error: 'forbidden' }, 403);
    options.onError?.(error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
