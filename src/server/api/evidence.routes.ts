import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { attachmentDisposition } from '../../core/evidence/download-name.js';
import type { Db } from '../../db/database.js';
import { evidenceDownloadFor } from '../../services/evidence/evidence-access.service.js';
import { blobPath } from '../../services/evidence/evidence-store.js';
import { EvidenceRefused } from '../../services/evidence/evidence-refused.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';

/** An evidence file the register refused: 415 when the image does not decode, 422 for a pixel flood. */
export function evidenceRefusedResponse(c: Context, error: unknown): Response | null {
  if (!(error instanceof EvidenceRefused)) return null;
  return c.json({ error: error.message }, error.reason === 'too-many-pixels' ? 422 : 415);
}

/**
 * /api/evidence/:id/original and /derivative: stored bytes as an attachment under a server-made name, with
 * the stored media type and nosniff. Whatever the account may not have answers 404, like a missing file.
 */
export function evidenceRoutes(db: Db, store: string | undefined): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const send = async (c: Context<AuthEnv>, kind: 'original' | 'derivative'): Promise<Response> => {
    const file = await evidenceDownloadFor(db, c.var.user, c.req.param('id') ?? '', kind);
    if (store === undefined) return c.json({ error: 'no evidence store configured' }, 503);
    const path = blobPath(store, file.sha256);
    // A row without its bytes is a damaged store (reckon evidence scrub reports it): a 500, logged.
    const size = (await stat(path)).size;
    if (size !== file.size) throw new Error(`stored evidence ${file.sha256} has ${size} bytes, the register says ${file.size}`);
    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    return c.body(body, 200, {
      'Content-Type': file.mediaType,
      'Content-Length': String(size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
    });
  };
  app.get('/:id/original', requireAction('source.read'), (c) => send(c, 'original'));
  app.get('/:id/derivative', requireAction('source.read'), (c) => send(c, 'derivative'));
  return app;
}
