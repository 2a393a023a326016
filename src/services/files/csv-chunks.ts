import { parse, type CsvError } from 'csv-parse';
import { parsePlainCsv } from './plain-csv.js';

/** A row longer than this stops the read: it is a quote left open, and buffering it would grow memory. */
export const MAX_ROW_CHARS = 1_000_000;

/**
 * csv-parse's push parser (what its stream and sync APIs both drive). Driving it directly gives exact
 * backpressure (bytes are pulled only as records are consumed) without a stream per record, which is
 * several times faster on files with a million short rows.
 */
interface PushParser {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): CsvError | undefined;
}

/** csv-parse taking over mid-file: the BOM was already removed at the file's start (a later U+FEFF is text). */
function pushParser(delimiter: string, recordDelimiter?: '\n' | '\r\n'): PushParser {
  const parser = parse({ delimiter, ...(recordDelimiter === undefined ? {} : { record_delimiter: recordDelimiter }), bom: false, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_ROW_CHARS });
  const api = (parser as unknown as { api?: PushParser }).api;
  if (typeof api?.parse !== 'function') throw new Error('csv-parse no longer exposes its push parser');
  return api;
}

/**
 * Parses the chunks of one file: the plain-CSV fast path (parsePlainCsv) while the text allows, csv-parse's push
 * parser from the first record that is not plain to the end of the file. Both give the same records.
 */
export class CsvChunks {
  private pending = '';
  /** The bytes of a character the last chunk cut in two. */
  private carry: Buffer = Buffer.alloc(0);
  private lineEnd: '\n' | '\r\n' | null = null;
  private started = false;
  private slow: PushParser | null = null;

  constructor(private readonly delimiter: string) {}

  /** The records completed by this chunk (undefined: the end of the file); throws csv-parse's error after pushing what it read. */
  records(chunk: Buffer | undefined, push: (records: string[][]) => void): void {
    if (this.slow) {
      this.slowRecords(chunk, push);
      return;
    }
    let text = this.decode(chunk);
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.pending = this.pending === '' ? text : this.pending + text;
    const final = chunk === undefined;
    const parsed = parsePlainCsv(this.pending, this.delimiter, final, this.lineEnd);
    this.lineEnd = parsed.lineEnd;
    push(parsed.records);
    const rest = this.pending.slice(parsed.end);
    this.pending = '';
    if (parsed.handOver || rest.length > MAX_PLAIN_PENDING) {
      // csv-parse settles the line ending at the first one it meets: tell it the one already met.
      this.slow = pushParser(this.delimiter, this.lineEnd ?? undefined);
      const carried = this.carry;
      this.carry = Buffer.alloc(0);
      this.slowRecords(Buffer.concat([Buffer.from(rest, 'utf8'), carried]), push);
      if (final) this.slowRecords(undefined, push);
    } else {
      this.pending = rest;
    }
  }

  /** Decodes a chunk of valid UTF-8 (validUtf8 checked it), holding back a character cut at its end. */
  private decode(chunk: Buffer | undefined): string {
    if (chunk === undefined) {
      const tail = this.carry.toString('utf8');
      this.carry = Buffer.alloc(0);
      return tail;
    }
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let cut = bytes.length;
    // Step back over continuation bytes (10xxxxxx) to the last lead byte; keep it back if its character is incomplete.
    let i = bytes.length - 1;
    while (i >= 0 && i > bytes.length - 4 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i--;
    const lead = bytes[i] ?? 0;
    if (i >= 0 && lead >= 0xc0) {
      const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      if (bytes.length - i < size) cut = i;
    }
    this.carry = cut === bytes.length ? Buffer.alloc(0) : Buffer.from(bytes.subarray(cut));
    return bytes.toString('utf8', 0, cut);
  }

  private slowRecords(chunk: Buffer | undefined, push: (records: string[][]) => void): void {
    const records: string[][] = [];
    const error = this.slow?.parse(chunk, chunk === undefined, (r) => records.push(r), () => undefined);
    push(records);
    if (error) throw error;
  }
}

/** Text held back waiting for a record's end beyond this goes to csv-parse, which enforces MAX_ROW_CHARS. */
const MAX_PLAIN_PENDING = 1_000_000;

