import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { mappingBodySchema, rowDecisionSchema, rowsQuerySchema, STAGED_MAX_BYTES, STAGED_TYPES, stagedQueueQuerySchema, uploadQuerySchema } from '../../services/import/staged-import.schemas.js';
import { commitStaged, discardStaged, getStagedImport, stageImport, stagedQueue } from '../../services/import/staged-import.service.js';
import { decideRow, listStagedRows, previewStaged } from '../../services/import/staged-review.service.js';
import { editDecisionBodySchema } from '../../services/person/person-edit.schemas.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { answer } from './answer.js';
import { parseJson, parseQuery } from './parse-body.js';

const declaredFormat = (header: string | undefined): 'csv' | 'xlsx' | undefined => {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(STAGED_TYPES, type) ? STAGED_TYPES[type as keyof typeof STAGED_TYPES] : undefined;
};

const rowParam = z.coerce.number().int().min(2).max(10_000_000);

/** Bulk import in the browser (mounted at /api): upload, map, preview, review rows, commit or discard; the import-review queue. */
export function importRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  // The type is refused before a byte of the body is read; the size while it is read (413).
  const typeFirst = createMiddleware<AuthEnv>(async (c, next) => {
    if (declaredFormat(c.req.header('content-type')) === undefined) return c.json({ error: `Content-Type must be one of ${Object.keys(STAGED_TYPES).join(', ')}` }, 415);
    await next();
    return undefined;
  });
  const limit = bodyLimit({ maxSize: STAGED_MAX_BYTES, onError: (c) => c.json({ error: 'file too large (50 MB at most)' }, 413) });
  app.post('/imports', requireAction('import.stage'), typeFirst, limit, async (c) => {
    const q = parseQuery(c, uploadQuerySchema);
    if (!q.ok) return q.response;
    const body = c.req.raw.body;
    const declared = declaredFormat(c.req.header('content-type'));
    if (body === null || declared === undefined) return c.json({ error: 'bad body', issues: ['body: expected the file bytes'] }, 400);
    // Never a client-given name on disk: a fresh private directory and a fixed file name.
    const dir = await mkdtemp(join(tmpdir(), 'reckon-import-upload-'));
    try {
      const file = join(dir, 'upload');
      await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(file, { mode: 0o600 }));
      return await answer(c, async () => c.json(await stageImport(db, c.var.user, { path: file, declared, name: q.data.name }), 201));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  app.get('/queues/imports', requireAction('import.stage'), async (c) => {
    const q = parseQuery(c, stagedQueueQuerySchema);
    if (!q.ok) return q.response;
    return c.json({ imports: await stagedQueue(db, c.var.user, q.data) });
  });
  app.get('/imports/:id', requireAction('import.stage'), async (c) => c.json(await getStagedImport(db, c.var.user, c.req.param('id'))));
  app.post('/imports/:id/preview', requireAction('import.stage'), async (c) => {
    const body = await parseJson(c, mappingBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await previewStaged(db, c.var.user, c.req.param('id'), body.data)));
  });
  app.get('/imports/:id/rows', requireAction('import.stage'), async (c) => {
    const q = parseQuery(c, rowsQuerySchema);
    if (!q.ok) return q.response;
    return answer(c, async () => c.json(await listStagedRows(db, c.var.user, c.req.param('id'), q.data)));
  });
  app.post('/imports/:id/rows/:row', requireAction('import.stage'), async (c) => {
    const row = rowParam.safeParse(c.req.param('row'));
    if (!row.success) return c.json({ error: 'bad path', issues: ['row: a data row number (the header is row 1)'] }, 400);
    const body = await parseJson(c, rowDecisionSchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await decideRow(db, c.var.user, c.req.param('id'), row.data, body.data)));
  });
  app.post('/imports/:id/commit', requireAction('import.stage'), async (c) => {
    const body = await parseJson(c, mappingBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await commitStaged(db, c.var.user, c.req.param('id'), body.data)));
  });
  app.post('/imports/:id/discard', requireAction('import.stage'), async (c) => {
    const body = await parseJson(c, editDecisionBodySchema);
    if (!body.ok) return body.response;
    return answer(c, async () => c.json(await discardStaged(db, c.var.user, c.req.param('id'), body.data.reason)));
  });
  return app;
}
