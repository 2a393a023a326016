import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { isBlank } from '../files/cell-checks.js';
import { readRange } from '../files/file-range.js';
import { RecordFileError } from '../files/record-file-error.js';
import { sniffDelimiter } from '../files/sniff-delimiter.js';
import { validUtf8 } from '../files/utf8-decode.js';
import { cellText } from '../files/xlsx-cell.js';
import { DEFAULT_ZIP_LIMITS, guardZip } from '../files/zip-guard.js';
import { ArchiveError } from '../files/zip-structure.js';

// The header row and first data rows of a record file, read without a mapping, so that a user can map
// columns the automatic guesses do not know (the record readers need a mapping that fits before they read).

const HEAD_BYTES = 256 * 1024;
/** Data rows shown beside the headers when mapping columns. */
export const SAMPLE_ROWS = 5;

export interface FileColumns {
  headers: string[];
  sample: string[][];
}

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield await Promise.resolve(buf);
}

async function csvColumns(path: string, label: string): Promise<FileColumns> {
  const handle = await open(path, 'r');
  let head: Buffer;
  let whole: boolean;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    whole = bytesRead < HEAD_BYTES;
    head = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  // Cut after the last line end, so neither a record nor a UTF-8 sequence is cut in two.
  if (!whole) {
    const end = Math.max(head.lastIndexOf(10), head.lastIndexOf(13));
    if (end < 0) throw new RecordFileError(label, `the header row is longer than ${HEAD_BYTES / 1024} KB`, { row: 1 });
    head = head.subarray(0, end + 1);
  }
  const parts: Buffer[] = [];
  try {
    for await (const piece of validUtf8(once(head))) parts.push(piece);
  } catch (error) {
    throw new RecordFileError(label, (error as Error).message);
  }
  const text = Buffer.concat(parts).toString('utf8');
  const options = { delimiter: sniffDelimiter(text.replace(/^\uFEFF/, '')), bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: false };
  const rowsOf = (t: string): string[][] => {
    const out: unknown = parse(t, options);
    return out as string[][];
  };
  let rows: string[][];
  try {
    rows = rowsOf(text);
  } catch {
    // A quoted cell running past what was read: show the header alone.
    const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
    rows = rowsOf(firstLine);
  }
  const filled = rows.filter((r) => !isBlank(r));
  const [headers, ...sample] = filled;
  if (headers === undefined) throw new RecordFileError(label, 'the file has no header row: it is empty');
  return { headers, sample: sample.slice(0, SAMPLE_ROWS) };
}

const load = createRequire(import.meta.url);

async function xlsxColumns(path: string, label: string): Promise<FileColumns> {
  const handle = await open(path, 'r');
  let input: Readable | undefined;
  try {
    await guardZip(handle, DEFAULT_ZIP_LIMITS);
    input = Readable.from(readRange(handle, 0, (await handle.stat()).size), { objectMode: false });
    const excel = load('exceljs') as typeof import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    for await (const worksheet of reader) {
      const rows: string[][] = [];
      for await (const row of worksheet as unknown as AsyncIterable<{ values: unknown }>) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (!isBlank(cells)) rows.push(cells);
        if (rows.length > SAMPLE_ROWS) break;
      }
      const [headers, ...sample] = rows;
      if (headers === undefined) throw new RecordFileError(label, 'the first worksheet has no header row: it is empty');
      return { headers, sample: sample.map((r) => [...r, ...Array<string>(Math.max(0, headers.length - r.length)).fill('')]) };
    }
    throw new RecordFileError(label, 'the workbook has no worksheet');
  } catch (error) {
    if (error instanceof RecordFileError) throw error;
    if (error instanceof ArchiveError) throw new RecordFileError(label, `refused: ${error.message}`);
    throw new RecordFileError(label, `the XLSX file cannot be read: ${(error as Error).message}`);
  } finally {
    input?.destroy();
    await handle.close();
  }
}

/**
 * The header row and up to five data rows of a CSV (strict UTF-8, delimiter sniffed) or XLSX (first worksheet,
 * after the ZIP-bomb guard) file, as text cells. Unreadable files throw RecordFileError naming `label`.
 */
export function readFileColumns(path: string, format: 'csv' | 'xlsx', label: string): Promise<FileColumns> {
  return format === 'xlsx' ? xlsxColumns(path, label) : csvColumns(path, label);
}
