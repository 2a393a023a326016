import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvChunks } from './csv-chunks.js';
import { parsePlainCsv } from './plain-csv.js';

const OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 1_000_000 } as const;

type Outcome = { records: string[][] } | { error: string };

function reference(bytes: Buffer, delimiter: string): Outcome {
  try {
    const records: string[][] = parse(bytes, { ...OPTIONS, delimiter });
    return { records };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? 'error' };
  }
}

function chunked(bytes: Buffer, delimiter: string, cuts: readonly number[]): Outcome {
  const parser = new CsvChunks(delimiter);
  const records: string[][] = [];
  const push = (rs: string[][]): void => {
    records.push(...rs);
  };
  try {
    let from = 0;
    for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
      if (cut > from) parser.records(bytes.subarray(from, cut), push);
      from = Math.max(from, cut);
    }
    if (from < bytes.length) parser.records(bytes.subarray(from), push);
    parser.records(undefined, push);
    return { records };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? 'error' };
  }
}

// Text made mostly of the characters CSV syntax cares about, so line endings, quotes and delimiters collide often.
const csvText = fc
  .array(fc.constantFrom('a', 'Я', '😀', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', '\uFEFF', 'x y'), { maxLength: 60 })
  .map((parts) => parts.join(''));

// Well-formed files as spreadsheets and Reckon write them: the fast path should read these to the end.
const cell = fc.string({ unit: fc.constantFrom('a', 'б', ',', '"', '\n', '\r\n', ' ', '😀'), maxLength: 8 });
const wellFormed = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([rows, eol, bom]) => {
    const quote = (c: string): string => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
    return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
  });

describe('CSV chunk parser (plain fast path, csv-parse for the rest)', () => {
  it('gives exactly what csv-parse gives, however the bytes are cut', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';', '\t'), fc.array(fc.nat(200), { maxLength: 6 }), (text, delimiter, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(chunked(bytes, delimiter, cuts)).toEqual(reference(bytes, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads well-formed files the same, cut anywhere (even inside a character)', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(300), { maxLength: 8 }), (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(chunked(bytes, ',', cuts)).toEqual(reference(bytes, ','));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a bare LF inside a CRLF file as cell text, as csv-parse does, after handing over', () => {
    const bytes = Buffer.from('name,note\r\nA,line one\nline two\r\nB,x\r\n');
    expect(chunked(bytes, ',', [])).toEqual({ records: [['name', 'note'], ['A', 'line one\nline two'], ['B', 'x']] });
  });

  it('parses plain text itself and stops at what it leaves to csv-parse', () => {
    expect(parsePlainCsv('a,"b ""c"""\n\nd\n', ',', true, null)).toEqual({ records: [['a', 'b "c"'], [''], ['d']], end: 15, handOver: false, lineEnd: '\n' });
    const odd = parsePlainCsv('a,b\nc"d,e\nf\n', ',', true, null);
    expect(odd).toMatchObject({ records: [['a', 'b']], end: 4, handOver: true });
    expect(parsePlainCsv('a,b\nc,"d', ',', false, null)).toMatchObject({ records: [['a', 'b']], end: 4, handOver: false });
  });
});
