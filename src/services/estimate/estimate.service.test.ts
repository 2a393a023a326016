import { describe, expect, it } from 'vitest';
import { estimateFromPatterns } from './estimate.service.js';
import { parsePatternCsv } from './pattern-file.js';

describe('estimate service', () => {
  it('reads a pattern CSV with a BOM, quotes and blank lines', () => {
    const table = parsePatternCsv(
      '\uFEFF"A","B","C","n"\n1,0,0,40\n\n0,1,0,30\n0,0,1,20\n1,1,0,10\n1,0,1,5\n',
    );
    expect(table.lists).toEqual(['A', 'B', 'C']);
    expect(table.cells[0b011]).toBe(10);
  });

  it('stamps the result with its source and date', () => {
    const table = parsePatternCsv('A,B,C,n\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,10\n1,0,1,5\n0,1,1,4\n');
    const r = estimateFromPatterns(table, {
      method: 'loglinear',
      source: 'x.csv',
      now: new Date('2026-01-02T03:04:05Z'),
    });
    expect(r.computedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(r.inputs.source).toBe('x.csv');
    expect(Number.isFinite(r.estimate)).toBe(true);
  });

  it('refuses dga on more than five lists with a clear message', () => {
    const header = 'A,B,C,D,E,F,n\n';
    const table = parsePatternCsv(
      header +
        '1,0,0,0,0,0,5\n1,1,0,0,0,0,3\n0,0,1,0,0,0,4\n0,0,0,1,0,0,2\n0,0,0,0,1,1,6\n0,1,1,0,0,0,2\n0,0,0,1,1,0,1\n',
    );
    expect(() => estimateFromPatterns(table, { method: 'dga' })).toThrow(
      '--method dga handles 3 to 5 lists; this table has 6',
    );
  });
});
