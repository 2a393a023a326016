import { readFile } from 'node:fs/promises';
import { mergeEncoded, type Dataset, type RawRow } from '../../core/linkage/dataset.js';
import { prepareRows } from '../../core/linkage/prepare.js';
import { prepareDataset } from '../../core/linkage/run-linkage.js';
import type { LinkageSettings } from '../../core/linkage/settings.schemas.js';
import { checkColumns, duplicateIdWarnings, headerWarnings } from './check-columns.js';
import { firstRecordEnd, parseCsvStrict, splitRecords } from './fast-csv.js';
import { LinkageInputError } from './linkage-input-error.js';
import { readRecordFile, rowWarning } from './read-records.js';
import { shared } from './shared-memory.js';
import type { WorkerPool } from './worker-pool.js';
import { unpackChunk, type LoadReply, type WorkerRequest } from './worker-protocol.js';

/** Record files read, checked, prepared and encoded. */
export interface LoadedFiles {
  dataset: Dataset;
  /** Warnings in the order reading the files in one thread gives them. */
  warnings: string[];
  /** Data rows per file. */
  sizes: number[];
}

async function readShared(path: string): Promise<Uint8Array> {
  try {
    return shared(new Uint8Array(await readFile(path)));
  } catch {
    throw new LinkageInputError(`cannot read ${path}`);
  }
}

/** Reads, checks, prepares and encodes record files in this thread; each file's raw rows are dropped once prepared. */
export async function loadFilesHere(settings: LinkageSettings, files: readonly string[], progress: (m: string) => void): Promise<LoadedFiles> {
  const prepared: RawRow[][] = [];
  const sizes: number[] = [];
  const warnings: string[] = [];
  for (const path of files) {
    progress(`reading ${path}`);
    const file = await readRecordFile(path);
    warnings.push(...file.warnings, ...checkColumns(settings, file, path));
    sizes.push(file.rows.length);
    prepared.push(prepareRows(settings, file.rows));
  }
  const dataset = prepareDataset(settings, prepared[0] ?? [], prepared[1], progress);
  return { dataset, warnings, sizes };
}

/** Reads record files on worker threads when a pool is given and the files are plain CSV, else in this thread. */
export async function loadFiles(settings: LinkageSettings, files: readonly string[], progress: (m: string) => void, pool: WorkerPool | null): Promise<LoadedFiles> {
  const loaded = pool ? await loadFilesParallel(pool, settings, files, progress) : null;
  return loaded ?? (await loadFilesHere(settings, files, progress));
}

/**
 * Reads record files on worker threads: each file is cut at record boundaries into slices that workers parse,
 * check, prepare and encode; the slices are joined in order (`mergeEncoded`), so the dataset and warnings are
 * those of reading in one thread. Returns null when a file is not plain CSV (see `parseCsvStrict`): the
 * caller then reads it in one go with csv-parse.
 */
export async function loadFilesParallel(pool: WorkerPool, settings: LinkageSettings, files: readonly string[], progress: (m: string) => void): Promise<LoadedFiles | null> {
  const t0 = Date.now();
  const chunks = [];
  const warnings: string[] = [];
  const sizes: number[] = [];
  for (const [source, path] of files.entries()) {
    progress(`reading ${path}`);
    const bytes = await readShared(path);
    const headerEnd = firstRecordEnd(bytes);
    if (headerEnd === -1 || headerEnd >= bytes.length) return null;
    const head = parseCsvStrict(Buffer.from(bytes.buffer, bytes.byteOffset, headerEnd).toString('utf8'))?.[0];
    if (!head) return null;
    const header = head.map((h) => h.trim());
    const cuts = splitRecords(bytes, headerEnd, pool.size * 4);
    const requests = cuts.slice(1).map((end, k): WorkerRequest => ({ type: 'load', settings, bytes, start: cuts[k] ?? 0, end, header, source }));
    const replies = await pool.map<LoadReply>(requests);
    if (replies.some((r) => r === null)) return null;
    let offset = 0;
    const ids: string[] = [];
    const emptyName: string[] = [];
    for (const reply of replies) {
      if (!reply) continue;
      const chunk = unpackChunk(reply.chunk);
      for (const issue of reply.issues) warnings.push(rowWarning(path, { row: offset + issue.row, text: issue.text }));
      for (const issue of reply.emptyName) emptyName.push(rowWarning(path, { row: offset + issue.row, text: issue.text }));
      for (const id of chunk.recordIds) ids.push(id ?? '');
      chunks.push(chunk);
      offset += reply.size;
    }
    warnings.push(...duplicateIdWarnings(settings, header, ids, path), ...headerWarnings(settings, header, path), ...emptyName);
    sizes.push(offset);
  }
  const dataset = mergeEncoded(settings, chunks, files.length > 1);
  progress(`read and prepared ${dataset.size} records in ${Date.now() - t0} ms on ${pool.size} worker threads`);
  return { dataset, warnings, sizes };
}
