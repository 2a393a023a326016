import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordFile } from './record-file-reader.js';
import { RecordFileError } from './record-file-error.js';
import { collect, tempFiles } from './test-support/temp-dir.js';
import { buildZip } from './test-support/zip-builder.js';

const files = tempFiles();
let n = 0;

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Регион</t></is></c></row>' +
  '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>45000.5</v></c></row>' +
  '</sheetData></worksheet>';
const STRINGS = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ФИО</t></si><si><t>Иванов Иван</t></si></sst>';
const FRAGMENTS = ['<', '>', '&', '&amp;', '&#0;', '&#xD800;', ']]>', '<![CDATA[', '<!ENTITY x "y">', '<row r="0">', '<row r="-5">', '<row r="99999999">', '</c>', '<c r="ZZZZ1">', '<c t="s"><v>99999</v></c>', '<c t="n"><v>1e400</v></c>', '<c t="d"><v>nope</v></c>', '<c t="b"><v>2</v></c>', '<f>1+1</f>', '"', "'", '\u0000', 'Ё'];

const mutatedXml = (xml: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.nat({ max: xml.length }).map((at) => xml.slice(0, at)),
    fc.tuple(fc.nat({ max: xml.length }), fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 })).map(([at, bits]) => xml.slice(0, at) + bits.join('') + xml.slice(at)),
    fc.tuple(fc.nat({ max: xml.length }), fc.nat({ max: 40 })).map(([at, cut]) => xml.slice(0, at) + xml.slice(at + cut)),
  );

describe('XLSX reader robustness: hostile workbook XML inside a well-formed ZIP', () => {
  it('reads or refuses with a RecordFileError, never crashes or hangs', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedXml(SHEET), mutatedXml(STRINGS), async (sheet, strings) => {
        const path = files.write(`fuzz-${++n}.xlsx`, buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.from(strings) }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) }]));
        // CPU time of this worker, not wall time: a busy machine must not fail the test, a runaway parse must.
        const started = process.cpuUsage();
        try {
          const items = await collect(readRecordFile(path));
          for (const item of items) expect(item.row).toBeGreaterThanOrEqual(2);
        } catch (error) {
          expect(error).toBeInstanceOf(RecordFileError);
          expect((error as Error).message).not.toMatch(/[\r\n]/);
        }
        const spent = process.cpuUsage(started);
        expect((spent.user + spent.system) / 1000).toBeLessThan(2000);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the unmutated workbook', async () => {
    const path = files.write('plain.xlsx', buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.from(STRINGS) }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(SHEET) }]));
    expect((await collect(readRecordFile(path))).map((i) => [i.row, i.record])).toEqual([[2, { full_name: 'Иванов Иван', region: '45000.5' }]]);
  });
});
