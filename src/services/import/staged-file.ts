import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import { insertStagedChunk, readStagedChunk } from '../../db/repositories/staged-import.repository.js';
import type { Database } from '../../db/schema.js';

// A staged file's bytes live in the database, in 1 MB chunks: the upload, the reviewers' fixes and the commit
// are all in one place on both SQLite and PostgreSQL (no second store to back up or keep in step, nothing
// left behind by a crash between a file write and a row insert), and memory stays flat. The readers need a
// file, so each pass writes the chunks back to a private temporary file and removes it afterwards.

const CHUNK = 1024 * 1024;

/** Stores a file's bytes as chunks of a staged import (inside the caller's transaction). */
export async function storeStagedBytes(trx: Kysely<Database>, stagedId: string, path: string): Promise<void> {
  let seq = 0;
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    await insertStagedChunk(trx, stagedId, seq++, Buffer.concat(pending, size));
    pending = [];
    size = 0;
  };
  for await (const piece of createReadStream(path, { highWaterMark: CHUNK })) {
    const buf = piece as Buffer;
    pending.push(buf);
    size += buf.length;
    if (size >= CHUNK) await flush();
  }
  await flush();
}

/** Writes a staged file back to a fresh private temporary file, runs `use` on it, and removes it. */
export async function withStagedFile<T>(db: Db, stagedId: string, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'reckon-staged-'));
  try {
    const path = join(dir, 'staged');
    const out = createWriteStream(path, { mode: 0o600 });
    try {
      for (let seq = 0; ; seq++) {
        const chunk = await readStagedChunk(db.kysely, stagedId, seq);
        if (chunk === undefined) break;
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
      }
    } finally {
      await new Promise<void>((resolve, reject) => {
        out.end((error?: Error | null) => {
          if (error) reject(error);
          else resolve();
        });
      });
    }
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
