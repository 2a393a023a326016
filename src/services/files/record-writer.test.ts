import { readFileSync, readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordFile } from './record-file-reader.js';
import { writeRecords } from './record-writer.js';
import { collect, tempFiles } from './test-support/temp-dir.js';

const files = tempFiles();
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '\0'];
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const COLUMNS = ['full_name', 'region', 'note'] as const;
let counter = 0;
const next = (ext: string): string => `${files.dir}/out-${++counter}.${ext}`;

/** Text that often starts like a formula, mixed with arbitrary code points. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.tuple(fc.constantFrom(...DANGEROUS, "'", "''", '"', ' '), fc.string({ unit: 'binary', maxLength: 20 })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://x.test","y")', '-1', '+7 999', '@SUM(A1)', '-', "'=1", '1e5', '\r\n', '"', ''),
);
const row = fc.record({ full_name: hostileText.filter((s) => s !== ''), region: hostileText, note: hostileText });

/** The cells of a CSV as a spreadsheet sees them, quotes removed. */
function csvRows(bytes: Buffer, relax: boolean): string[][] {
  const rows: unknown = parse(bytes, { relax_column_count: relax });
  return rows as string[][];
}

function assertSafe(cell: string): void {
  if (NUMBER.test(cell)) return;
  expect(DANGEROUS).not.toContain(cell[0]);
}

describe('CSV export (CSV-EXPORT)', () => {
  it('leaves no text cell starting like a formula once unquoted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 5 }), async (rows) => {
        const path = next('csv');
        await writeRecords(path, 'csv', COLUMNS, rows);
        const cells = csvRows(readFileSync(path), true).flat();
        cells.forEach(assertSafe);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips every string exactly through the reader (apostrophes removed on request)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), fc.boolean(), async (rows, bom) => {
        const path = next('csv');
        await writeRecords(path, 'csv', COLUMNS, rows, { bom });
        const items = await collect(readRecordFile(path, { unescapeFormulas: true }));
        expect(items.map((i) => [i.record.full_name, i.record.region ?? '', i.record.extra?.note ?? ''])).toEqual(rows.map((r) => [r.full_name, r.region, r.note]));
        expect(items.map((i) => i.row)).toEqual(rows.map((_, k) => k + 2));
      }),
      { numRuns: 150 },
    );
  });

  it('prints numbers so that they read back as the same number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 10 }), async (numbers) => {
        const path = next('csv');
        await writeRecords(path, 'csv', ['value'], numbers.map((value) => ({ value })));
        const cells = csvRows(readFileSync(path), false).slice(1).map(([c]) => Number(c));
        expect(cells).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
      }),
      { numRuns: 100 },
    );
  });

  it('quotes as RFC 4180 asks, with CRLF and an optional BOM', async () => {
    const path = next('csv');
    await writeRecords(path, 'csv', ['a', 'b'], [{ a: 'x,y', b: 'say "hi"\nbye' }, { a: -3.5, b: null }], { bom: true });
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFa,b\r\n"x,y","say ""hi""\nbye"\r\n-3.5,\r\n');
  });
});

describe('XLSX export', () => {
  it('keeps numbers numeric and escapes formula-like text, which reads back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ full_name: hostileText.map((s) => `${s}x`), note: hostileText, value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => Number(n.toPrecision(15))).filter(Number.isFinite) }), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          // XML cannot carry CR or C0 controls, so the property is over text without them.
          const clean = rows.map((r) => ({ ...r, full_name: r.full_name.replace(/[\u0000-\u001F\uFFFE\uFFFF]/gu, ''), note: r.note.replace(/[\u0000-\u001F\uFFFE\uFFFF]/gu, '') })); // eslint-disable-line no-control-regex
          const path = next('xlsx');
          await writeRecords(path, 'xlsx', ['full_name', 'note', 'value'], clean);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(path);
          const sheet = workbook.worksheets[0];
          sheet?.eachRow((r, number) => {
            if (number === 1) return;
            expect(typeof r.getCell(3).value).toBe('number');
            for (const c of [1, 2]) {
              const v = r.getCell(c).value;
              if (typeof v === 'string') assertSafe(v);
              else expect(v).toBeNull();
            }
          });
          const items = await collect(readRecordFile(path, { unescapeFormulas: true }));
          expect(items.map((i) => [i.record.full_name, i.record.extra?.note ?? '', Number(i.record.extra?.value)])).toEqual(clean.map((r) => [r.full_name, r.note, r.value]));
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('writing', () => {
  it('writes JSON with only the asked columns', async () => {
    const path = next('json');
    const result = await writeRecords(path, 'json', ['a', 'b'], [{ a: '=x', b: 1, secret: 'no' }, { a: undefined, b: Number.NaN }]);
    expect(result.rows).toBe(2);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([{ a: '=x', b: 1 }, { a: null, b: null }]);
  });

  it('leaves a stream open and a failed export leaves no file behind', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await writeRecords(stream, 'csv', ['a'], [{ a: 1 }]);
    expect(stream.writableEnded).toBe(false);
    expect(Buffer.concat(chunks).toString()).toBe('a\r\n1\r\n');

    async function* failing(): AsyncGenerator<Record<string, unknown>> {
      yield { a: 1 };
      await Promise.resolve();
      throw new Error('database went away');
    }
    const before = readdirSync(files.dir).length;
    await expect(writeRecords(`${files.dir}/never.csv`, 'csv', ['a'], failing())).rejects.toThrow('database went away');
    expect(readdirSync(files.dir)).toHaveLength(before);
  });
});
