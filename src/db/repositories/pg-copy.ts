import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// PostgreSQL's bulk load: COPY … FROM STDIN in text format, on the client a transaction runs on, so the rows
// are part of that transaction (all or nothing, as the INSERTs they replace).

const ROWS_PER_CHUNK = 1_000;

/** One value in COPY's text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

function* lines(columns: number, values: readonly unknown[]): Generator<string> {
  const rows = columns === 0 ? 0 : values.length / columns;
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    let chunk = '';
    const end = Math.min(rows, start + ROWS_PER_CHUNK);
    for (let r = start; r < end; r++) {
      let line = '';
      for (let i = 0; i < columns; i++) line += (i === 0 ? '' : '\t') + copyText(values[r * columns + i]);
      chunk += line + '\n';
    }
    yield chunk;
  }
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Copies rows (their values row after row, in `columns` order) into `table` with COPY FROM STDIN. */
export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], values: readonly unknown[]): Promise<void> {
  if (columns.length === 0 || values.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines(columns.length, values)), stream);
}
