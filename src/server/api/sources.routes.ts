import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { sniffMediaType } from '../../core/evidence/media-type.js';
import type { Db } from '../../db/database.js';
import { addEvidence } from '../../services/evidence/evidence.service.js';
import { sourceInputSchema } from '../../services/intake/intake.schemas.js';
import { assertCanAddEvidence, createSource, getSourceFor } from '../../services/intake/intake.service.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { evidenceRefusedResponse } from './evidence.routes.js';
import { parseJson } from './parse-body.js';

/** Evidence uploads: the media types accepted, and the size cap (UPLOAD). */
export const EVIDENCE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'];
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

const declaredType = (header: string | undefined): string => (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buf, 0, 16, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** /api/sources: add and read sources; upload evidence files (raw body, declared type checked against magic bytes). */
export function sourceRoutes(db: Db, evidenceStore: string | undefined): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/', requireAction('intake.write'), async (c) => {
    const body = await parseJson(c, sourceInputSchema);
    if (!body.ok) return body.response;
    return c.json(await createSource(db, c.var.user, body.data), 201);
  });
  app.get('/:id', requireAction('source.read'), async (c) => c.json(await getSourceFor(db, c.var.user, c.req.param('id'))));
  // Everything that can be refused without the body is refused before a byte of it is read.
  const beforeBody = createMiddleware<AuthEnv>(async (c, next) => {
    if (evidenceStore === undefined) return c.json({ error: 'no evidence store configured' }, 503);
    if (!EVIDENCE_TYPES.includes(declaredType(c.req.header('content-type')))) return c.json({ error: `Content-Type must be one of ${EVIDENCE_TYPES.join(', ')}` }, 415);
    await assertCanAddEvidence(db, c.var.user, c.req.param('id') ?? '');
    await next();
    return undefined;
  });
  const limit = bodyLimit({ maxSize: EVIDENCE_MAX_BYTES, onError: (c) => c.json({ error: 'file too large (50 MB at most)' }, 413) });
  app.post('/:id/evidence', requireAction('intake.write'), beforeBody, limit, async (c) => {
    const body = c.req.raw.body;
    if (body === null || evidenceStore === undefined) return c.json({ error: 'bad body', issues: ['body: expected the file bytes'] }, 400);
    // Never a client-given name: a fresh private directory and a fixed file name.
    const dir = await mkdtemp(join(tmpdir(), 'reckon-upload-'));
    try {
      const file = join(dir, 'upload');
      await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(file, { mode: 0o600 }));
      const declared = declaredType(c.req.header('content-type'));
      const sniffed = sniffMediaType(await head(file));
      if (sniffed !== declared) return c.json({ error: `the file is not ${declared} (its bytes say ${sniffed})` }, 415);
      const added = await addEvidence(db, evidenceStore, { file, sourceId: c.req.param('id'), actor: c.var.user.username });
      return c.json({ ...added, media_type: sniffed }, 201);
    } catch (error) {
      const refused = evidenceRefusedResponse(c, error);
      if (refused === null) throw error;
      return refused;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  return app;
}

