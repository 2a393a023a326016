import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readRecordFile } from './record-file-reader.js';
import { RecordFileError } from './record-file-error.js';
import { collect, tempFiles } from './test-support/temp-dir.js';
import { cellText, numberText } from './xlsx-cell.js';

const files = tempFiles();

async function workbookFile(name: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  const path = `${files.dir}/${name}`;
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('reading a record XLSX', () => {
  it('reads typed cells as the text a person would type', async () => {
    const path = await workbookFile('types.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Погибшие');
      sheet.addRow(['ФИО', 'Дата смерти', 'Возраст', 'Ссылка', 'Часть', 'Примечание', 'Звание']);
      const row = sheet.addRow([
        { richText: [{ text: 'Иванов ' }, { text: 'Иван', font: { bold: true } }] },
        new Date(Date.UTC(2023, 2, 12)),
        0.1 + 0.2 + 28.7,
        { text: 'пост', hyperlink: 'https://example.test/post' },
        { formula: '1+1', result: 2 },
        true,
        '  рядовой  ',
      ]);
      row.getCell(2).numFmt = 'dd.mm.yyyy';
    });
    const items = await collect(readRecordFile(path));
    expect(items).toEqual([
      {
        row: 2,
        record: { full_name: 'Иванов Иван', death_date: '2023-03-12', age: '29', source_url: 'пост', unit: '2', rank: '  рядовой  ', extra: { Примечание: 'TRUE' } },
        problems: [],
      },
    ]);
  });

  it('keeps real spreadsheet row numbers past blank rows and a late header', async () => {
    const path = await workbookFile('late.xlsx', (wb) => {
      const sheet = wb.addWorksheet('list');
      sheet.getCell('A3').value = 'Фамилия';
      sheet.getCell('B3').value = 'Имя';
      sheet.getCell('A4').value = 'Петров';
      sheet.getCell('A7').value = 'Сидоров';
      sheet.getCell('B7').value = 'Сидор';
      sheet.getCell('D7').value = 'лишнее';
    });
    const items = await collect(readRecordFile(path));
    expect(items.map((i) => [i.row, i.record.surname, i.problems.length])).toEqual([
      [4, 'Петров', 0],
      [7, 'Сидоров', 1],
    ]);
    expect(items[1]?.problems[0]?.message).toMatch(/the row has 4 cells but the header has 2/);
  });

  it('reads the named sheet, and names the sheets when it is missing', async () => {
    const path = await workbookFile('sheets.xlsx', (wb) => {
      wb.addWorksheet('notes').addRow(['just notes']);
      wb.addWorksheet('records').addRows([['full_name'], ['Ivan Ivanov']]);
    });
    expect((await collect(readRecordFile(path, { sheet: 'records' })))[0]?.record).toEqual({ full_name: 'Ivan Ivanov' });
    await expect(collect(readRecordFile(path))).rejects.toThrow(/row 1: no column holds a name/);
    const error: unknown = await collect(readRecordFile(path, { sheet: 'Лист1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    expect((error as Error).message).toMatch(/has no worksheet "Лист1" \(it has "notes", "records"\)$/);
  });

  it('reads a workbook whose workbook part is stored after its worksheets (some tools write them so)', async () => {
    const path = await workbookFile('order.xlsx', (wb) => {
      wb.addWorksheet('notes').addRow(['just notes']);
      wb.addWorksheet('records').addRows([['full_name'], ['Ivan Ivanov']]);
    });
    // The same parts, stored in another order: relationships and shared strings, then the worksheets, the
    // workbook part last (exceljs's streaming reader then met a worksheet before the sheet names).
    const zip = await JSZip.loadAsync(readFileSync(path));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    const last = (n: string): number => (n === 'xl/workbook.xml' ? 2 : n.startsWith('xl/worksheets/') ? 1 : 0);
    const reordered = new JSZip();
    for (const n of [...names].sort((a, b) => last(a) - last(b))) reordered.file(n, await zip.files[n]!.async('uint8array'));
    const moved = files.write('order-moved.xlsx', await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await JSZip.loadAsync(readFileSync(moved))).file(/./).map((f) => f.name).at(-1)).toBe('xl/workbook.xml');
    expect((await collect(readRecordFile(moved, { sheet: 'records' })))[0]?.record).toEqual({ full_name: 'Ivan Ivanov' });
    await expect(collect(readRecordFile(moved))).rejects.toThrow(/row 1: no column holds a name/);
  });

  it('refuses a CSV disguised as XLSX and an XLSX forced to CSV reading with clear lines', async () => {
    const fake = files.write('fake.xlsx', 'full_name\nIvan\n');
    await expect(collect(readRecordFile(fake, { format: 'xlsx' }))).rejects.toThrow(/fake\.xlsx: refused: not a ZIP archive/);
    const real = await workbookFile('real.xlsx', (wb) => wb.addWorksheet('x').addRow(['full_name']));
    await expect(collect(readRecordFile(real, { format: 'csv' }))).rejects.toThrow(/real\.xlsx: the file is an XLSX workbook \(a ZIP archive\), not CSV/);
  });
});

describe('cell text', () => {
  it('drops float noise but keeps real precision', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(28.999999999999996)).toBe('29');
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(numberText(1.5)).toBe('1.5');
    expect(cellText(new Date(Date.UTC(2023, 0, 2, 13, 5)))).toBe('2023-01-02T13:05:00');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: 'A1' })).toBe('');
  });
});
