import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../record/record.schemas.js';
import { csvRow } from './csv-row.js';
import { generateRegister } from './generate.js';

describe('csvRow', () => {
  it('round-trips any fields through a standard CSV parser', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 6 }), (fields) => {
        const rows = parse(csvRow(fields) + csvRow(fields));
        expect(rows).toEqual([fields, fields]);
      }),
    );
  });

  it('round-trips every generated record field, column by column', () => {
    const { records } = generateRegister({ persons: 400, seed: 'csv', noise: 2 });
    const text =
      csvRow(RECORD_COLUMNS) + records.map((r) => csvRow(RECORD_COLUMNS.map((c) => r[c]))).join('');
    const parsed = parse<Record<string, string>>(text, { columns: true });
    expect(parsed).toEqual(records);
  });
});
