import { escapeFormula } from '../../core/export/formula.js';

/** A value handed to a writer: text, a number (kept numeric), or anything JSON can print. */
export type ExportValue = unknown;

/** A row handed to a writer, read by column name. */
export type ExportRow = Readonly<Record<string, ExportValue>>;

function plainText(value: ExportValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A CSV cell: numbers printed exactly (String round-trips), text escaped against formulas. */
export function csvCell(value: ExportValue): string {
  const plain = plainText(value);
  return typeof plain === 'number' ? String(plain) : escapeFormula(plain);
}

// XML 1.0 cannot hold these; exceljs would silently drop them, so they become a visible U+FFFD instead.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu; // eslint-disable-line no-control-regex

/** An XLSX cell: numbers stay numbers, text is escaped against formulas. */
export function xlsxCell(value: ExportValue): string | number {
  const plain = plainText(value);
  return typeof plain === 'number' ? plain : escapeFormula(plain.replace(XML_INVALID, '\uFFFD'));
}

/** A JSON value: what was given, with undefined and non-finite numbers as null. */
export function jsonValue(value: ExportValue): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
