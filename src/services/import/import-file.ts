import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import type { Db } from '../../db/database.js';
import { readRecordFileBatches, type RecordFileFormat } from '../files/record-file-reader.js';
import { RecordFileError } from '../files/record-file-error.js';
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
}

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
  const rows = readRecordFileBatches(path, {
    format,
    mapping: options.mapping,
    sheet: options.sheet,
    unescapeFormulas: options.unescapeFormulas,
  });
  return importRecords(db, rows, {
    actor: options.actor,
    fileName: basename(path),
    fileSha256,
    format,
    dryRun: options.dryRun ?? false,
    ...(options.personColumn === undefined ? {} : { personColumn: options.personColumn }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
}
