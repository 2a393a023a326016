import { unescapeFormula } from '../../core/export/formula.js';
import type { RowProblem } from './record-file-error.js';

/** Longest cell accepted: a longer one is almost always a broken quote or a pasted document. */
export const MAX_CELL_CHARS = 10_000;

/** First C0 control other than TAB, LF and CR, or DEL: never typed by people, common in corrupted exports. */
function controlCharacter(cell: string): number | undefined {
  for (let i = 0; i < cell.length; i++) {
    const code = cell.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return code;
  }
  return undefined;
}

/** The label of a column in problems: its header, or "column N" when the header is empty. */
export function columnLabel(headers: readonly string[], index: number): string {
  const header = headers[index];
  return header === undefined || header.trim() === '' ? `column ${index + 1}` : header;
}

/** Checks one row's cells for over-long values and control characters. */
export function checkCells(row: number, headers: readonly string[], cells: readonly string[], problems: RowProblem[]): void {
  cells.forEach((cell, i) => {
    if (cell.length > MAX_CELL_CHARS) {
      problems.push({ row, column: columnLabel(headers, i), message: `the cell has ${cell.length} characters; at most ${MAX_CELL_CHARS} are accepted` });
    }
    const control = controlCharacter(cell);
    if (control !== undefined) {
      const code = control.toString(16).toUpperCase().padStart(4, '0');
      problems.push({ row, column: columnLabel(headers, i), message: `the cell contains control character U+${code}` });
    }
  });
}

/** Checks a row's cell count against the header's: extra non-empty cells or missing cells are problems. */
export function checkWidth(row: number, headers: readonly string[], cells: readonly string[], problems: RowProblem[]): void {
  const extra = cells.slice(headers.length);
  if (extra.some((c) => c !== '')) {
    problems.push({ row, message: `the row has ${cells.length} cells but the header has ${headers.length}: cells past the last header have no column` });
  } else if (cells.length < headers.length) {
    problems.push({ row, message: `the row has ${cells.length} cells but the header has ${headers.length}` });
  }
}

/** A row whose every cell is empty, which a spreadsheet shows as a blank line. */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === '');
}

/** Removes the apostrophe our own exports put before formula-like text (see README.md). */
export function unescapeCells(cells: string[]): string[] {
  return cells.map(unescapeFormula);
}
