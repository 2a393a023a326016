import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvStrict, splitRecords } from './fast-csv.js';

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true };

function csvParse(text: string): string[][] | Error {
  try {
    return parse(text, OPTIONS);
  } catch (error) {
    return error as Error;
  }
}

// Text made of the characters that matter to CSV, with names in two scripts.
const csvText = fc.array(fc.constantFrom('a', 'Ё', ' ', ',', '"', '""', '\n', '\n\n', '\r\n', '\uFEFF', 'Иванов', ',"x,y",', '"q""q"'), { maxLength: 30 }).map((parts) => parts.join(''));

// Text made of records: fields plain or quoted (commas, quotes, line breaks inside), ragged rows, blank lines.
const field = fc.oneof(
  fc.constantFrom('', 'r1', 'Пётр Иванов', ' x ', '1994-03-12'),
  fc.constantFrom('a,b', 'say ""hi""', 'two\nlines', '', ' ').map((v) => `"${v}"`),
);
const recordText = fc
  .array(fc.oneof(fc.array(field, { minLength: 1, maxLength: 5 }).map((f) => f.join(',')), fc.constant('')), { maxLength: 12 })
  .chain((lines) => fc.boolean().map((end) => lines.join('\n') + (end ? '\n' : '')));

describe('parseCsvStrict', () => {
  it('gives what csv-parse gives, or declines', () => {
    for (const text of [csvText, recordText]) {
      fc.assert(
        fc.property(text, (t) => {
          const fast = parseCsvStrict(t);
          if (fast !== null) expect(fast).toEqual(csvParse(t));
        }),
        { numRuns: 10_000 },
      );
    }
  });

  it('reads plain record CSV, quoted fields with commas, doubled quotes and line breaks included', () => {
    const text = '\uFEFFrecord_id,full_name,death_date\nr1,"Baschenow, Danila","March 19, 2024"\n\nr2,"He said ""no""\nthen left",\nr3\n';
    const fast = parseCsvStrict(text);
    expect(fast).toEqual([
      ['record_id', 'full_name', 'death_date'],
      ['r1', 'Baschenow, Danila', 'March 19, 2024'],
      ['r2', 'He said "no"\nthen left', ''],
      ['r3'],
    ]);
    expect(fast).toEqual(csvParse(text));
  });

  it('declines what it does not read exactly as csv-parse does', () => {
    expect(parseCsvStrict('a,b\r\nc,d\r\n')).toBeNull();
    expect(parseCsvStrict('a,b"c\n')).toBeNull();
    expect(parseCsvStrict('a,"b"c\n')).toBeNull();
    expect(parseCsvStrict('a,"b\n')).toBeNull();
  });
});

describe('splitRecords', () => {
  it('cuts at record boundaries only, so the pieces parse to the records of the whole', () => {
    const lines = Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? `r${i},"multi\nline, ""quoted"""` : `r${i},Иванов ${i}`));
    const text = ['id,name', ...lines].join('\n') + '\n';
    const bytes = Buffer.from(text, 'utf8');
    const cuts = splitRecords(bytes, 0, 9);
    expect(cuts.length).toBeGreaterThan(5);
    const pieces = cuts.slice(1).map((end, k) => parseCsvStrict(bytes.subarray(cuts[k], end).toString('utf8')) ?? []);
    expect(pieces.flat()).toEqual(parseCsvStrict(text));
  });
});
