import type { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { claimRoutes } from './claims.routes.js';
import { editRoutes } from './edits.routes.js';
import { evidenceRoutes } from './evidence.routes.js';
import { exportRoutes } from './export.routes.js';
import { importRoutes } from './imports.routes.js';
import { openApiDocument } from './openapi.js';
import { personChangeRoutes } from './persons.routes.js';
import { queueRoutes } from './queues.routes.js';
import { sourceRoutes } from './sources.routes.js';

/** Mounts the analysts' API (queues, merges, history, intake, evidence downloads, exports, the OpenAPI document) on the app. */
export function apiRoutes(app: Hono<AuthEnv>, db: Db, options: { evidenceStore?: string | undefined } = {}): void {
  app.route('/api/queues', queueRoutes(db));
  app.route('/api/persons', personChangeRoutes(db));
  app.route('/api/claims', claimRoutes(db));
  app.route('/api/sources', sourceRoutes(db, options.evidenceStore));
  app.route('/api/evidence', evidenceRoutes(db, options.evidenceStore));
  app.route('/api/export', exportRoutes(db));
  app.route('/api', editRoutes(db));
  app.route('/api', importRoutes(db));
  const doc = openApiDocument();
  app.get('/api/openapi.json', requireAction('session.self'), (c) => c.json(doc));
}
