import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { LinkageInputError } from './linkage-input-error.js';
import type { RawRow } from '../../core/linkage/dataset.js';

/** Rows of a CSV file with the header as read and per-row warnings (nothing is dropped). */
export interface RecordFile {
  header: string[];
  rows: RawRow[];
  warnings: string[];
}

/** Parses CSV text: header trimmed, BOM removed, short rows padded; rows with broken encoding are kept with a warning. */
export function parseRecordCsv(text: string, label: string): RecordFile {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  } catch (error) {
    throw new LinkageInputError(`${label}: not a readable CSV file (${(error as Error).message})`);
  }
  const [head, ...body] = records;
  if (!head) throw new LinkageInputError(`${label}: the file is empty (expected a header row)`);
  const header = head.map((h) => h.trim());
  const warnings: string[] = [];
  const rows = body.map((cells, r) => {
    const row: Record<string, string> = {};
    header.forEach((h, c) => (row[h] = cells[c] ?? ''));
    if (cells.length > header.length) warnings.push(`${label} row ${r + 2}: ${cells.length - header.length} cells beyond the header ignored`);
    if (cells.some((v) => v.includes('\uFFFD'))) warnings.push(`${label} row ${r + 2}: broken text encoding (not UTF-8?)`);
    return row;
  });
  return { header, rows, warnings };
}

/** Reads a record CSV file (UTF-8). */
export async function readRecordFile(path: string): Promise<RecordFile> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    throw new LinkageInputError(`cannot read ${path}`);
  }
  return parseRecordCsv(buf.toString('utf8'), path);
}
