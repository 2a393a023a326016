import { describe, expect, it } from 'vitest';
import { patternTableFromRows, PatternTableError } from './pattern-table.js';

const header = ['A', 'B', 'C', 'n'];
const good = [
  ['1', '0', '0', '40'],
  ['0', '1', '0', '30'],
  ['0', '0', '1', '20'],
  ['1', '1', '0', '10'],
];

function errorOf(h: string[], rows: string[][]): string {
  try {
    patternTableFromRows(h, rows);
  } catch (error) {
    expect(error).toBeInstanceOf(PatternTableError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('pattern tables', () => {
  it('reads counts into cells by bitmask and sums repeated patterns', () => {
    const table = patternTableFromRows(header, [...good, ['1', '1', '0', '5']]);
    expect(table.lists).toEqual(['A', 'B', 'C']);
    expect(table.cells[0b011]).toBe(15);
    expect(table.cells[0b001]).toBe(40);
  });
  it('names the line and column of bad cells', () => {
    expect(errorOf(header, [...good, ['1', '0', '1']])).toBe(
      'line 6: expected 4 columns (3 lists and a count), found 3',
    );
    expect(errorOf(header, [...good, ['1', '0', '1', '-2']])).toBe(
      'line 6, column n: expected a non-negative whole number, found "-2"',
    );
    expect(errorOf(header, [...good, ['1', '0', '1', 'ten']])).toBe(
      'line 6, column n: expected a non-negative whole number, found "ten"',
    );
    expect(errorOf(header, [['1', 'x', '0', '3'], ...good])).toBe(
      'line 2, column B: expected 0 or 1, found "x"',
    );
    expect(errorOf(header, [['0', '0', '0', '3'], ...good])).toMatch(/^line 2: the all-zero pattern/);
  });
  it('refuses tables that cannot be estimated', () => {
    expect(errorOf(['A', 'B', 'n'], [['1', '0', '3']])).toMatch(/at least 3 list columns/);
    expect(errorOf(header, good.slice(0, 3))).toMatch(/no record appears on more than one list/);
    expect(errorOf(header, [['1', '0', '0', '0']])).toBe('the table has no observed records');
    expect(
      errorOf(header, [
        ['1', '1', '0', '4'],
        ['1', '0', '0', '2'],
      ]),
    ).toBe('list C has no records; drop it or check the column');
  });
});
