/**
 * A capture-pattern table: `cells[mask]` is the number of people seen on exactly the lists whose
 * bits are set in `mask` (bit j = `lists[j]`); `cells[0]`, the unseen, is always 0.
 */
export interface PatternTable {
  lists: string[];
  cells: number[];
}

/** Bad pattern-table input; the message names the line and column at fault. */
export class PatternTableError extends Error {
  override readonly name = 'PatternTableError';
}

export const MIN_LISTS = 3;
export const MAX_LISTS = 15;

const WHOLE = /^\s*\d+(\.0*)?\s*$/;

/**
 * Builds a pattern table from a header and rows of text cells (one 0/1 column per list, then a
 * count column), checking every cell. `firstLine` is the file line of the first row, for messages.
 * @example patternTableFromRows(['A','B','C','n'], [['1','0','0','40'], ...])
 */
export function patternTableFromRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  firstLine = 2,
): PatternTable {
  const width = header.length;
  const t = width - 1;
  if (t < MIN_LISTS) {
    throw new PatternTableError(
      `a pattern table needs at least ${MIN_LISTS} list columns and a final count column; the header has ${width} column(s)`,
    );
  }
  if (t > MAX_LISTS)
    throw new PatternTableError(`a pattern table may have at most ${MAX_LISTS} lists; the header has ${t}`);
  const lists = header.slice(0, t).map((h, j) => h.trim() || `list${j + 1}`);
  if (new Set(lists).size !== lists.length)
    throw new PatternTableError(`the header repeats a list name: ${lists.join(', ')}`);
  const countName = header[t]?.trim() || 'count';
  const cells = new Array<number>(1 << t).fill(0);
  rows.forEach((row, i) => {
    const line = firstLine + i;
    if (row.length === 1 && (row[0] ?? '').trim() === '') return;
    if (row.length !== width)
      throw new PatternTableError(
        `line ${line}: expected ${width} columns (${t} lists and a count), found ${row.length}`,
      );
    let mask = 0;
    for (let j = 0; j < t; j++) {
      const v = (row[j] ?? '').trim();
      if (v !== '0' && v !== '1')
        throw new PatternTableError(
          `line ${line}, column ${lists[j] ?? j + 1}: expected 0 or 1, found "${v}"`,
        );
      if (v === '1') mask |= 1 << j;
    }
    const raw = row[t] ?? '';
    if (!WHOLE.test(raw))
      throw new PatternTableError(
        `line ${line}, column ${countName}: expected a non-negative whole number, found "${raw.trim()}"`,
      );
    const count = Number(raw);
    if (!Number.isSafeInteger(count))
      throw new PatternTableError(`line ${line}, column ${countName}: the count ${raw.trim()} is too large`);
    if (mask === 0) {
      if (count !== 0)
        throw new PatternTableError(
          `line ${line}: the all-zero pattern (on no list) cannot be observed; its count must be 0 or the row left out`,
        );
      return;
    }
    cells[mask] = (cells[mask] ?? 0) + count;
  });
  checkEstimable({ lists, cells });
  return { lists, cells };
}

/** Throws a clear error when a table cannot give a finite estimate (no records, empty list, no overlaps). */
export function checkEstimable(table: PatternTable): void {
  const t = table.lists.length;
  if (t < MIN_LISTS) throw new PatternTableError(`at least ${MIN_LISTS} lists are needed; found ${t}`);
  if (table.cells.length !== 1 << t) throw new PatternTableError(`the table must have 2^${t} cells`);
  const n = observedTotal(table);
  if (n === 0) throw new PatternTableError('the table has no observed records');
  for (let j = 0; j < t; j++) {
    let onList = 0;
    table.cells.forEach((c, m) => {
      if (m & (1 << j)) onList += c;
    });
    if (onList === 0)
      throw new PatternTableError(
        `list ${table.lists[j] ?? j + 1} has no records; drop it or check the column`,
      );
  }
  let overlap = 0;
  table.cells.forEach((c, m) => {
    if (m & (m - 1)) overlap += c;
  });
  if (overlap === 0) {
    throw new PatternTableError(
      'no record appears on more than one list: without overlaps between lists the total cannot be estimated',
    );
  }
}

/** Number of distinct people observed (all cells but the unseen one). */
export function observedTotal(table: PatternTable): number {
  let n = 0;
  for (let m = 1; m < table.cells.length; m++) n += table.cells[m] ?? 0;
  return n;
}

/** Builds a table directly from counts (tests, simulations): `patterns` are 0/1 arrays. */
export function patternTableFromCounts(
  lists: readonly string[],
  patterns: readonly (readonly number[])[],
  counts: readonly number[],
): PatternTable {
  const t = lists.length;
  const cells = new Array<number>(1 << t).fill(0);
  patterns.forEach((p, i) => {
    let mask = 0;
    p.forEach((b, j) => {
      if (b) mask |= 1 << j;
    });
    if (mask !== 0) cells[mask] = (cells[mask] ?? 0) + (counts[i] ?? 0);
  });
  return { lists: [...lists], cells };
}
