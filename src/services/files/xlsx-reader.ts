import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';

// exceljs is slow to load; only XLSX reads and writes should pay for it.
const load = createRequire(import.meta.url);
function excel(): typeof import('exceljs') {
  return load('exceljs') as typeof import('exceljs');
}
import { buildRecord, type ResolvedMapping } from '../../core/mapping/resolve-mapping.js';
import { checkCells, checkWidth, isBlank, unescapeCells } from './cell-checks.js';
import { mapHeader, type CsvReadOptions } from './csv-reader.js';
import { RecordFileError, type RowProblem } from './record-file-error.js';
import type { RecordItem } from './record-item.js';
import { readRange } from './file-range.js';
import { cellText } from './xlsx-cell.js';
import { DEFAULT_ZIP_LIMITS, guardZip, type ZipLimits } from './zip-guard.js';
import { ArchiveError, readEndRecord, type ZipEntry } from './zip-structure.js';

export interface XlsxReadOptions extends CsvReadOptions {
  sheet?: string | undefined;
  zipLimits?: Partial<ZipLimits> | undefined;
}

interface SheetLike extends AsyncIterable<{ number: number; values: unknown }> {
  name?: string;
}

function rowCells(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  // exceljs row values are 1-based and sparse.
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

async function* sheetRecords(sheet: SheetLike, file: string, options: XlsxReadOptions): AsyncGenerator<RecordItem> {
  let mapping: ResolvedMapping | undefined;
  for await (const { number: row, values } of sheet) {
    const raw = rowCells(values);
    if (isBlank(raw)) continue;
    const cells = options.unescapeFormulas === true ? unescapeCells(raw) : raw;
    const problems: RowProblem[] = [];
    if (!mapping) {
      checkCells(row, cells, cells, problems);
      if (problems[0]) throw RecordFileError.fromProblems(file, problems);
      mapping = mapHeader(file, row, cells, options.mapping);
      continue;
    }
    // A spreadsheet does not store trailing empty cells, so only cells past the header are a problem.
    while (cells.length < mapping.headers.length) cells.push('');
    checkWidth(row, mapping.headers, cells, problems);
    checkCells(row, mapping.headers, cells, problems);
    yield { row, record: buildRecord(mapping, cells), problems };
  }
  if (!mapping) throw new RecordFileError(file, `the worksheet "${sheet.name ?? ''}" has no header row: it is empty`);
}

/**
 * Streams the records of an XLSX file's first worksheet (or `sheet`), after guardZip has checked the
 * archive on the same open file, so exceljs only ever inflates bytes that were counted.
 */
export async function* readXlsxRecords(path: string, options: XlsxReadOptions = {}): AsyncGenerator<RecordItem> {
  for await (const batch of readXlsxBatches(path, options)) yield* batch;
}

async function* batched(items: AsyncIterable<RecordItem>, size: number): AsyncGenerator<RecordItem[]> {
  let batch: RecordItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// The parts exceljs's streaming reader must have read before a worksheet: it names a worksheet from the workbook
// part and fails ("Cannot read properties of undefined (reading 'sheets')") on a worksheet stored before it.
const READ_FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The archive's bytes with its entries in the order the streaming reader needs: the parts it must know first,
 * then the rest as stored, then the central directory. guardZip has checked that the entries' records tile the
 * file up to the central directory, so each record is the bytes from its offset to the next one's.
 */
async function* inReadingOrder(handle: FileHandle, entries: readonly ZipEntry[], size: number): AsyncGenerator<Buffer> {
  const { cdOffset } = await readEndRecord(handle, size);
  const stored = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const records = stored.map((e, i) => ({ name: e.name, start: e.localOffset, end: stored[i + 1]?.localOffset ?? cdOffset }));
  const rank = (name: string): number => {
    const k = READ_FIRST.indexOf(name);
    return k === -1 ? READ_FIRST.length : k;
  };
  for (const r of records.sort((a, b) => rank(a.name) - rank(b.name) || a.start - b.start)) yield* readRange(handle, r.start, r.end);
  yield* readRange(handle, cdOffset, size);
}

/** Like readXlsxRecords, in batches of up to 1024 items. */
export async function* readXlsxBatches(path: string, options: XlsxReadOptions = {}): AsyncGenerator<RecordItem[]> {
  const handle = await open(path, 'r');
  let input: Readable | undefined;
  try {
    const entries = await guardZip(handle, { ...DEFAULT_ZIP_LIMITS, ...options.zipLimits });
    input = Readable.from(inReadingOrder(handle, entries, (await handle.stat()).size), { objectMode: false });
    const reader = new (excel()).stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    const seen: string[] = [];
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as SheetLike;
      const name = sheet.name ?? '';
      seen.push(name);
      if (options.sheet !== undefined && name !== options.sheet) continue;
      yield* batched(sheetRecords(sheet, path, options), 1024);
      return;
    }
    throw new RecordFileError(path, options.sheet === undefined ? 'the workbook has no worksheet' : `the workbook has no worksheet "${options.sheet}" (it has ${seen.map((s) => `"${s}"`).join(', ')})`);
  } catch (error) {
    if (error instanceof RecordFileError) throw error;
    if (error instanceof ArchiveError) throw new RecordFileError(path, `refused: ${error.message}`);
    throw new RecordFileError(path, `the XLSX file cannot be read: ${(error as Error).message}`);
  } finally {
    input?.destroy();
    await handle.close();
  }
}
