import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { escapeFormula } from '../core/export/formula.js';

export const outputFormatSchema = z.enum(['json', 'table', 'csv']);
export type OutputFormat = z.infer<typeof outputFormatSchema>;

type Row = Record<string, unknown>;
/** Anything printable: one object or a list of them. */
export type Printable = object | readonly object[];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Renders rows for stdout in the chosen format; an object (not a list) prints as one record. */
export function formatOutput(data: Printable, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  const rows: Row[] = (Array.isArray(data) ? [...(data as readonly Row[])] : [data as Row]);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (format === 'csv') {
    return stringify(
      rows.map((r) => columns.map((c) => escapeFormula(cell(r[c])))),
      { header: true, columns },
    );
  }
  if (rows.length === 0) return '(none)\n';
  const widths = columns.map((c) => Math.min(48, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))));
  const line = (vals: string[]): string =>
    vals.map((v, i) => (v.length > (widths[i] ?? 0) ? v.slice(0, (widths[i] ?? 1) - 1) + '…' : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n') + '\n';
}
