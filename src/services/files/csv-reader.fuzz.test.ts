import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-reader.js';
import { RecordFileError } from './record-file-error.js';

const LIMIT_MS = 2000;

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  await Promise.resolve();
}

/** Reads hostile bytes; passes only if the reader ends in time with records or a structured RecordFileError. */
async function survive(bytes: Uint8Array, chunkSize = 64 * 1024): Promise<'read' | 'refused'> {
  const run = (async (): Promise<'read' | 'refused'> => {
    try {
      for await (const item of readCsvRecords(chunked(bytes, chunkSize), 'fuzz.csv')) {
        expect(item.row).toBeGreaterThanOrEqual(2);
        for (const p of item.problems) expect(p.row).toBe(item.row);
      }
      return 'read';
    } catch (error) {
      if (!(error instanceof RecordFileError)) throw error;
      expect(error.message.startsWith('fuzz.csv: ')).toBe(true);
      expect(error.message).not.toMatch(/[\r\n]/);
      for (const p of error.problems) expect(p.row).toBeGreaterThanOrEqual(1);
      return 'refused';
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`input of ${bytes.length} bytes took more than ${LIMIT_MS} ms`));
    }, LIMIT_MS);
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** Cells full of the characters that break CSV parsers. */
const nastyCell = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', 'a', 'Ё', ' ', '\0', '\uFEFF', "'"), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('Фамилия', 'ФИО', 'full_name', 'surname', '__proto__', 'constructor'),
);

const structuredCsv = fc
  .tuple(
    fc.array(fc.array(nastyCell, { maxLength: 6 }), { maxLength: 8 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([rows, delimiter, eol, quoteAll, bom]) => {
    const quote = (c: string): string => (quoteAll || /["\r\n,;\t]/.test(c) ? `"${c.replaceAll('"', quoteAll ? '"' : '""')}"` : c);
    return utf8((bom ? '\uFEFF' : '') + rows.map((r) => r.map(quote).join(delimiter)).join(eol));
  });

describe('CSV-IMPORT-FUZZ: the reader never crashes or hangs', () => {
  it('survives arbitrary bytes, read in chunks of any size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 97 }), async (bytes, size) => {
        await survive(bytes, size);
      }),
      { numRuns: 300 },
    );
  });

  it('survives structured CSV with hostile quoting, delimiters and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(structuredCsv, fc.integer({ min: 1, max: 64 }), async (bytes, size) => {
        await survive(bytes, size);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('reads structured CSV with a name header and refuses nothing that is well formed', async () => {
    const wellFormed = fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001F]/u.test(s)), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }); // eslint-disable-line no-control-regex
    await fc.assert(
      fc.asyncProperty(wellFormed, async (rows) => {
        const text = ['full_name,note', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
        expect(await survive(utf8(text), 7)).toBe('read');
      }),
      { numRuns: 100 },
    );
  });

  const corpus: [string, Uint8Array, 'read' | 'refused'][] = [
    ['an unclosed quote over 2 MB', utf8(`full_name\n"${'x'.repeat(2_000_000)}`), 'refused'],
    ['a 100,000-column header', utf8(','.repeat(100_000)), 'refused'],
    ['100,000 blank lines', utf8(`full_name\n${'\n'.repeat(100_000)}Ivanov\n`), 'read'],
    ['CR-only line ends', utf8('full_name\rIvanov\rPetrov\r'), 'read'],
    ['NUL bytes everywhere', Buffer.alloc(5000, 0), 'refused'],
    ['a UTF-16 file with its BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('full_name\nIvan\n', 'utf16le')]), 'refused'],
    ['an overlong encoding of "/"', Buffer.from([0x66, 0x0a, 0xc0, 0xaf]), 'refused'],
    ['an encoded surrogate', Buffer.from([0x66, 0x0a, 0xed, 0xa0, 0x80]), 'refused'],
    ['a code point past U+10FFFF', Buffer.from([0x66, 0x0a, 0xf4, 0x90, 0x80, 0x80]), 'refused'],
    ['a BOM and nothing else', Buffer.from([0xef, 0xbb, 0xbf]), 'refused'],
    ['only quotes', utf8('"'.repeat(10_001)), 'refused'],
    ['a header cell over 10,000 characters', utf8(`full_name,${'y'.repeat(10_001)}\nA,B\n`), 'refused'],
  ];

  it.each(corpus)('handles the fixed hostile input: %s', async (_name, bytes, expected) => {
    const before = process.memoryUsage().rss;
    expect(await survive(bytes)).toBe(expected);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
