import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { createRequire } from 'node:module';

// exceljs is slow to load; only XLSX reads and writes should pay for it.
const load = createRequire(import.meta.url);
function excel(): typeof import('exceljs') {
  return load('exceljs') as typeof import('exceljs');
}
import { csvCell, jsonValue, xlsxCell, type ExportRow } from './export-cells.js';

export type WriteFormat = 'csv' | 'json' | 'xlsx';

export interface WriteOptions {
  /** Start a CSV with a UTF-8 BOM so Excel opens Cyrillic text correctly. */
  bom?: boolean | undefined;
  /** XLSX worksheet name. */
  sheetName?: string | undefined;
}

type Rows = Iterable<ExportRow> | AsyncIterable<ExportRow>;

/** Writes each chunk to `dest`, waiting on backpressure, without ending it (stdout stays usable). */
function sinkInto(dest: Writable): (source: AsyncIterable<unknown>) => Promise<void> {
  return async (source) => {
    for await (const chunk of source) {
      if (!dest.write(chunk)) await once(dest, 'drain');
    }
  };
}

async function* counted(rows: Rows, counter: { rows: number }): AsyncGenerator<ExportRow> {
  for await (const row of rows) {
    counter.rows++;
    yield row;
  }
}

async function writeCsv(dest: Writable, columns: readonly string[], rows: AsyncIterable<ExportRow>, options: WriteOptions): Promise<void> {
  async function* cells(): AsyncGenerator<string[]> {
    yield columns.map(csvCell);
    for await (const row of rows) yield columns.map((c) => csvCell(row[c]));
  }
  // RFC 4180: CRLF between records; fields with a comma, quote, CR or LF are quoted, quotes doubled. csv-stringify
  // quotes only the whole CRLF by itself, so a lone LF or CR is matched here (spreadsheets break rows at it).
  const stringifier = stringify({ record_delimiter: '\r\n', bom: options.bom === true, quoted_match: /[\r\n]/ });
  await pipeline(Readable.from(cells()), stringifier, sinkInto(dest));
}

async function writeJson(dest: Writable, columns: readonly string[], rows: AsyncIterable<ExportRow>): Promise<void> {
  async function* text(): AsyncGenerator<string> {
    let first = true;
    yield '[';
    for await (const row of rows) {
      const picked = Object.fromEntries(columns.map((c) => [c, jsonValue(row[c])]));
      yield `${first ? '\n' : ',\n'}${JSON.stringify(picked)}`;
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  }
  await pipeline(Readable.from(text()), sinkInto(dest));
}

async function writeXlsx(dest: Writable, columns: readonly string[], rows: AsyncIterable<ExportRow>, options: WriteOptions): Promise<void> {
  const zip = new PassThrough();
  const piped = pipeline(zip, sinkInto(dest));
  const workbook = new (excel()).stream.xlsx.WorkbookWriter({ stream: zip, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'records');
  sheet.addRow(columns.map(xlsxCell)).commit();
  for await (const row of rows) sheet.addRow(columns.map((c) => xlsxCell(row[c]))).commit();
  sheet.commit();
  await workbook.commit();
  await piped;
}

async function writeTo(dest: Writable, format: WriteFormat, columns: readonly string[], rows: AsyncIterable<ExportRow>, options: WriteOptions): Promise<void> {
  switch (format) {
    case 'csv':
      return writeCsv(dest, columns, rows, options);
    case 'json':
      return writeJson(dest, columns, rows);
    case 'xlsx':
      return writeXlsx(dest, columns, rows, options);
  }
}

/**
 * Streams rows to a CSV, JSON or XLSX file (or a stream, left open), formula-safe (CSV-EXPORT):
 * text cells that a spreadsheet would run get a leading apostrophe, numbers stay numeric.
 * A file is written under a temporary name and renamed when complete, so a failed export leaves nothing.
 */
export async function writeRecords(target: string | Writable, format: WriteFormat, columns: readonly string[], rows: Rows, options: WriteOptions = {}): Promise<{ rows: number }> {
  const counter = { rows: 0 };
  const source = counted(rows, counter);
  if (typeof target !== 'string') {
    await writeTo(target, format, columns, source, options);
    return counter;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const file = createWriteStream(temp, { flags: 'wx' });
  try {
    await once(file, 'open');
    await writeTo(file, format, columns, source, options);
    file.end();
    await once(file, 'finish');
    await rename(temp, target);
  } catch (error) {
    file.destroy();
    await rm(temp, { force: true });
    throw error;
  }
  return counter;
}
