import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { attachmentDisposition } from '../../core/evidence/download-name.js';
import type { Db } from '../../db/database.js';
import { exportFor, exportQuerySchema } from '../../services/export/export-access.service.js';
import { writeRecords } from '../../services/files/record-writer.js';
import type { AuthEnv } from '../auth/auth-env.js';
import { requireAction } from '../auth/session.middleware.js';
import { parseQuery } from './parse-body.js';

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * GET /api/export?what=records|persons&format=csv|json|xlsx[&includeRestricted=true]: the register as the
 * account may export it, formula-safe, as an attachment. The file is written whole to a private temporary
 * folder first, so a failure is a clean 500 rather than a truncated download that looks complete.
 */
export function exportRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/', requireAction('register.export'), async (c) => {
    const q = parseQuery(c, exportQuerySchema);
    if (!q.ok) return q.response;
    const table = await exportFor(db, c.var.user, q.data);
    const dir = await mkdtemp(join(tmpdir(), 'reckon-export-'));
    let handle: FileHandle;
    try {
      const file = join(dir, `export.${q.data.format}`);
      await writeRecords(file, q.data.format, table.columns, table.rows, { bom: q.data.format === 'csv', sheetName: q.data.what });
      handle = await open(file, 'r');
    } finally {
      // The open handle keeps the bytes readable; nothing is left on disk whether or not the body is read.
      await rm(dir, { recursive: true, force: true });
    }
    const { size } = await handle.stat();
    const name = `reckon-${q.data.what}-${new Date().toISOString().slice(0, 10)}.${q.data.format}`;
    return c.body(Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, 200, {
      'Content-Type': MEDIA_TYPES[q.data.format],
      'Content-Length': String(size),
      'Content-Disposition': attachmentDisposition(name),
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
