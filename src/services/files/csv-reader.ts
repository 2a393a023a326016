import { CsvError } from 'csv-parse';
import { MappingError } from '../../core/mapping/mapping-error.js';
import type { ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import { buildRecord, resolveMapping, type ResolvedMapping } from '../../core/mapping/resolve-mapping.js';
import { checkCells, checkWidth, isBlank, unescapeCells } from './cell-checks.js';
import { RecordFileError, type RowProblem } from './record-file-error.js';
import type { RecordItem } from './record-item.js';
import { CsvChunks, MAX_ROW_CHARS } from './csv-chunks.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { Utf8Error, validUtf8 } from './utf8-decode.js';

export { MAX_ROW_CHARS };
const SNIFF_BYTES = 64 * 1024;

export interface CsvReadOptions {
  mapping?: ColumnMapping | undefined;
  /** Remove the apostrophe Reckon's exports put before formula-like text. */
  unescapeFormulas?: boolean | undefined;
}

/** Holds back bytes until the first line is complete, to sniff the delimiter, then passes everything on. */
async function sniffed(bytes: AsyncIterable<Buffer>): Promise<{ delimiter: string; chunks: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (!done && size < SNIFF_BYTES && !head.some((b) => b.includes(10) || b.includes(13))) {
    const next = await iterator.next();
    if (next.done === true) done = true;
    else {
      head.push(next.value);
      size += next.value.length;
    }
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* head;
    if (done) return;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  return { delimiter: sniffDelimiter(Buffer.concat(head).toString('utf8')), chunks: rest() };
}

const CSV_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed: a double quote (") opens it and the file ends',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_ROW_CHARS} characters: probably a double quote (") opens a cell and is never closed`,
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell is followed by other text: inside a quoted cell, write a double quote as ""',
};

function toFileError(file: string, error: unknown, row: number): unknown {
  if (error instanceof RecordFileError) return error;
  if (error instanceof Utf8Error) return new RecordFileError(file, error.message);
  if (error instanceof CsvError) return new RecordFileError(file, CSV_MESSAGES[error.code] ?? `the CSV cannot be read: ${error.message}`, { row });
  return error;
}

/** Resolves the mapping against the header row; a mapping problem is reported at that row. */
export function mapHeader(file: string, row: number, headers: readonly string[], mapping: ColumnMapping | undefined): ResolvedMapping {
  try {
    return resolveMapping(headers, mapping);
  } catch (error) {
    if (error instanceof MappingError) throw new RecordFileError(file, error.message, { row, column: error.header });
    throw error;
  }
}

/** Turns parsed rows into items: the first non-blank row is the header, blank rows are counted and skipped. */
class RowReader {
  row = 0;
  private mapping: ResolvedMapping | undefined;

  constructor(
    private readonly file: string,
    private readonly options: CsvReadOptions,
  ) {}

  *items(records: readonly string[][]): Generator<RecordItem> {
    for (const raw of records) {
      this.row++;
      if (isBlank(raw)) continue;
      const cells = this.options.unescapeFormulas === true ? unescapeCells(raw) : raw;
      const problems: RowProblem[] = [];
      if (!this.mapping) {
        checkCells(this.row, cells, cells, problems);
        if (problems[0]) throw RecordFileError.fromProblems(this.file, problems);
        this.mapping = mapHeader(this.file, this.row, cells, this.options.mapping);
        continue;
      }
      checkWidth(this.row, this.mapping.headers, cells, problems);
      checkCells(this.row, this.mapping.headers, cells, problems);
      yield { row: this.row, record: buildRecord(this.mapping, cells), problems };
    }
  }

  finish(): void {
    if (!this.mapping) throw new RecordFileError(this.file, 'the file has no header row: it is empty');
  }
}

/**
 * Reads a record CSV from bytes in batches (one per chunk read): strict UTF-8 (BOM allowed), delimiter
 * sniffed among , ; and TAB, one item per non-blank data row with the problems found in it.
 * Unreadable files throw RecordFileError.
 */
export async function* readCsvBatches(bytes: AsyncIterable<Uint8Array>, file: string, options: CsvReadOptions = {}): AsyncGenerator<RecordItem[]> {
  const rows = new RowReader(file, options);
  try {
    const { delimiter, chunks } = await sniffed(validUtf8(bytes));
    const parser = new CsvChunks(delimiter);
    const step = (chunk: Buffer | undefined): RecordItem[] => {
      const items: RecordItem[] = [];
      // Rows parsed before a syntax error are counted first, so the error names the row it is in.
      parser.records(chunk, (records) => {
        for (const item of rows.items(records)) items.push(item);
      });
      return items;
    };
    for await (const chunk of chunks) {
      const items = step(chunk);
      if (items.length > 0) yield items;
    }
    const last = step(undefined);
    if (last.length > 0) yield last;
    rows.finish();
  } catch (error) {
    throw toFileError(file, error, rows.row + 1);
  }
}

/** Reads a record CSV from bytes, one item per non-blank data row (see readCsvBatches). */
export async function* readCsvRecords(bytes: AsyncIterable<Uint8Array>, file: string, options: CsvReadOptions = {}): AsyncGenerator<RecordItem> {
  for await (const batch of readCsvBatches(bytes, file, options)) yield* batch;
}
