import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import { readCsvBatches } from './csv-reader.js';
import { RecordFileError } from './record-file-error.js';
import type { RecordItem } from './record-item.js';
import { readXlsxBatches } from './xlsx-reader.js';
import type { ZipLimits } from './zip-guard.js';

export type RecordFileFormat = 'csv' | 'xlsx';

export interface ReadRecordFileOptions {
  mapping?: ColumnMapping | undefined;
  /** Detected from the first bytes (a ZIP is XLSX) when not given. */
  format?: RecordFileFormat | undefined;
  /** XLSX worksheet name; the first worksheet when not given. */
  sheet?: string | undefined;
  /** Remove the apostrophe Reckon's exports put before formula-like text (re-importing our own export). */
  unescapeFormulas?: boolean | undefined;
  zipLimits?: Partial<ZipLimits> | undefined;
}

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

async function detectFormat(path: string): Promise<RecordFileFormat> {
  if (await isZip(path)) return 'xlsx';
  return extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
}

function openError(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return new RecordFileError(path, 'no such file');
  if (code === 'EISDIR') return new RecordFileError(path, 'is a directory, not a record file');
  if (code === 'EACCES') return new RecordFileError(path, 'cannot be read (permission denied)');
  return error;
}

/**
 * Like readRecordFile, but yields the items in batches (one per 256 KB of CSV, or 1024 XLSX rows):
 * one await per batch instead of one per row, for bulk imports.
 */
export async function* readRecordFileBatches(path: string, options: ReadRecordFileOptions = {}): AsyncGenerator<RecordItem[]> {
  let format: RecordFileFormat;
  try {
    const detected = await detectFormat(path);
    format = options.format ?? detected;
  } catch (error) {
    throw openError(path, error);
  }
  if (format === 'csv' && (await isZip(path))) {
    throw new RecordFileError(path, 'the file is an XLSX workbook (a ZIP archive), not CSV: read it as XLSX');
  }
  if (format === 'xlsx') {
    yield* readXlsxBatches(path, options);
    return;
  }
  yield* readCsvBatches(createReadStream(path, { highWaterMark: 256 * 1024 }), path, options);
}

/**
 * Streams the records of a CSV or XLSX file, one item per data row (header = row 1), memory flat in the
 * file's size. Row problems are in each item's `problems`; a file that cannot be read at all throws
 * RecordFileError naming the row and column.
 */
export async function* readRecordFile(path: string, options: ReadRecordFileOptions = {}): AsyncGenerator<RecordItem> {
  for await (const batch of readRecordFileBatches(path, options)) yield* batch;
}
