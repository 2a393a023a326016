import { createHash } from 'node:crypto';
import { chmodSync, closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where an original lives: content-addressed by its SHA-256, two levels of folders. */
export function blobPath(root: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
  return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface StoredBlob {
  sha256: string;
  size: number;
  path: string;
  /** False when identical bytes were stored before (nothing was written). */
  created: boolean;
}

/**
 * Stores exact bytes, hashed as received (EV-HASH), under their SHA-256. The blob is durable before this
 * returns (temp file → fsync → rename → fsync folder: BLOB-CRASH), read-only, and never overwritten.
 */
export async function putBlob(root: string, source: string): Promise<StoredBlob> {
  mkdirSync(root, { recursive: true });
  const tmp = join(root, `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const hash = createHash('sha256');
  let size = 0;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.byteLength;
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  const sha256 = hash.digest('hex');
  const path = blobPath(root, sha256);
  if (existsSync(path)) {
    rmSync(tmp, { force: true });
    return { sha256, size, path, created: false };
  }
  mkdirSync(dirname(path), { recursive: true });
  chmodSync(tmp, 0o444);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
  return { sha256, size, path, created: true };
}

/** SHA-256 of a stored file as it is now. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface ScrubProblem {
  sha256: string;
  problem: 'missing' | 'corrupt';
}

/** Re-hashes every blob the register references (EV-SCRUB): missing and corrupted originals are reported. */
export async function scrubBlobs(root: string, expected: readonly string[]): Promise<ScrubProblem[]> {
  const problems: ScrubProblem[] = [];
  for (const sha256 of expected) {
    const path = blobPath(root, sha256);
    if (!existsSync(path)) problems.push({ sha256, problem: 'missing' });
    else if ((await hashFile(path)) !== sha256) problems.push({ sha256, problem: 'corrupt' });
  }
  return problems;
}

/** Leftover temp files from interrupted intakes (safe to delete: no row points at them). */
export function orphanTemps(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => n.startsWith('.incoming-'))
    .map((n) => join(root, n))
    .filter((p) => statSync(p).isFile());
}
