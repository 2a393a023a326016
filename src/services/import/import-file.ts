import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import type { Db } from '../../db/database.js';
import { readRecordFileBatches, type RecordFileFormat } from '../files/record-file-reader.js';
import { RecordFileError } from '../files/record-file-error.js';
import { importFileInWorker } from './import-parallel.js';
import { importRecords } from './import.service.js';
import type { ImportSummary } from './import.schemas.js';

export interface ImportFileOptions {
  actor: string;
  dryRun?: boolean;
  mapping?: ColumnMapping;
  sheet?: string;
  personColumn?: string;
  /** Re-importing Reckon's own export: remove the apostrophe put before formula-like text. */
  unescapeFormulas?: boolean;
  /** Rows per insert batch (default 500). */
  batchSize?: number;
  /**
   * Read and derive the rows in a worker thread while this one writes them: by default for files of 1 MB or
   * more on a machine with two or more cores (a worker takes about 0.3 s to start). A dry run reads in one thread.
   */
  worker?: boolean;
}

/** From this size on, a second thread pays for its start. */
const WORKER_MIN_BYTES = 1024 * 1024;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new RecordFileError(path, 'no such file');
    if (code === 'EISDIR') throw new RecordFileError(path, 'is a directory, not a record file');
    throw error;
  }
  return hash.digest('hex');
}

async function formatOf(path: string): Promise<RecordFileFormat> {
  const stream = createReadStream(path, { start: 0, end: 3 });
  for await (const chunk of stream) return (chunk as Buffer).readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
  return 'csv';
}

/** Imports a CSV or XLSX record file all-or-nothing; a dry run reads and checks it without writing. */
export async function importFile(db: Db, path: string, options: ImportFileOptions): Promise<ImportSummary> {
  const fileSha256 = await sha256File(path);
  const format = await formatOf(path);
  const read = { format, mapping: options.mapping, sheet: options.sheet, unescapeFormulas: options.unescapeFormulas };
  const dryRun = options.dryRun ?? false;
  const importOptions = {
    actor: options.actor,
    fileName: basename(path),
    fileSha256,
    format,
    dryRun,
    ...(options.personColumn === undefined ? {} : { personColumn: options.personColumn }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  };
  const worker = !dryRun && (options.worker ?? (availableParallelism() > 1 && (await stat(path)).size >= WORKER_MIN_BYTES));
  if (worker) return importFileInWorker(db, path, read, importOptions);
  return importRecords(db, readRecordFileBatches(path, read), importOptions);
}
