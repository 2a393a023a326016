import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { LinkageInputError } from './linkage-input-error.js';
import type { RawRow } from '../../core/linkage/dataset.js';
import { parseCsvStrict } from './fast-csv.js';

/** Rows of a CSV file with the header as read and per-row warnings (nothing is dropped). */
export interface RecordFile {
  header: string[];
  rows: RawRow[];
  warnings: string[];
}

/** A problem with one row: its index among the data rows and what is wrong (formatted by `rowWarning`). */
export interface RowIssue {
  row: number;
  text: string;
}

/** A row warning as the user reads it: the file, the row's line number (the header is line 1), the problem. */
export function rowWarning(label: string, issue: RowIssue): string {
  return `${label} row ${issue.row + 2}: ${issue.text}`;
}

/** Data rows as objects keyed by the header (short rows padded with ''), with issues: extra cells, broken encoding. */
export function recordsToRows(header: readonly string[], body: readonly string[][]): { rows: RawRow[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const rows = body.map((cells, r) => {
    const row: Record<string, string> = {};
    header.forEach((h, c) => (row[h] = cells[c] ?? ''));
    if (cells.length > header.length) issues.push({ row: r, text: `${cells.length - header.length} cells beyond the header ignored` });
    if (cells.some((v) => v.includes('\uFFFD'))) issues.push({ row: r, text: 'broken text encoding (not UTF-8?)' });
    return row;
  });
  return { rows, issues };
}

/** Parses CSV text: header trimmed, BOM removed, short rows padded; rows with broken encoding are kept with a warning. */
export function parseRecordCsv(text: string, label: string): RecordFile {
  let records = parseCsvStrict(text);
  if (records === null) {
    try {
      records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
    } catch (error) {
      throw new LinkageInputError(`${label}: not a readable CSV file (${(error as Error).message})`);
    }
  }
  const [head, ...body] = records;
  if (!head) throw new LinkageInputError(`${label}: the file is empty (expected a header row)`);
  const header = head.map((h) => h.trim());
  const { rows, issues } = recordsToRows(header, body);
  return { header, rows, warnings: issues.map((i) => rowWarning(label, i)) };
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
