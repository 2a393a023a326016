import { describe, expect, it } from 'vitest';
import { parseMapFlags } from '../../core/mapping/mapping-input.js';
import { readRecordFile, readRecordFileBatches } from './record-file-reader.js';
import { RecordFileError } from './record-file-error.js';
import { collect, tempFiles } from './test-support/temp-dir.js';

const files = tempFiles();

async function readText(content: string | Uint8Array, name = 'records.csv', options: Parameters<typeof readRecordFile>[1] = {}) {
  return collect(readRecordFile(files.write(name, content), options));
}

/** The error a bad file gets, with the temp folder taken out of its message. */
async function failure(content: string | Uint8Array, options: Parameters<typeof readRecordFile>[1] = {}): Promise<{ message: string; problems: RecordFileError['problems'] }> {
  try {
    await readText(content, 'bad.csv', options);
  } catch (error) {
    if (error instanceof RecordFileError) return { message: error.message.replace(`${files.dir}/`, ''), problems: error.problems };
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('reading a record CSV', () => {
  it('maps Russian headers and numbers rows as a spreadsheet does', async () => {
    const items = await readText('Фамилия,Имя,Дата рождения\nИванов,Иван,12.03.1994\nПетров,Пётр,1990\n');
    expect(items).toEqual([
      { row: 2, record: { surname: 'Иванов', given_name: 'Иван', birth_date: '12.03.1994' }, problems: [] },
      { row: 3, record: { surname: 'Петров', given_name: 'Пётр', birth_date: '1990' }, problems: [] },
    ]);
  });

  it('strips a BOM, sniffs ; and TAB, and reads CRLF files from Excel', async () => {
    const semicolon = await readText('\uFEFFФИО;Регион\r\n"Сидоров; Сидор";Бурятия\r\n');
    expect(semicolon[0]?.record).toEqual({ full_name: 'Сидоров; Сидор', region: 'Бурятия' });
    const tab = await readText('full_name\tage\nIvan Ivanov\t29 лет\n');
    expect(tab[0]?.record).toEqual({ full_name: 'Ivan Ivanov', age: '29 лет' });
  });

  it('counts a multi-line cell as one row and keeps blank rows in the count', async () => {
    const items = await readText('full_name,unit\n"Ivanov\nIvan",1\n\nPetrov,2\n');
    expect(items.map((i) => [i.row, i.record.full_name])).toEqual([
      [2, 'Ivanov\nIvan'],
      [4, 'Petrov'],
    ]);
  });

  it('keeps unknown columns as extra and applies a mapping', async () => {
    const items = await readText('Боец,Заметка\nИванов И.И.,"цитата ""из поста"""\n', 'm.csv', { mapping: parseMapFlags(['Боец=full_name']) });
    expect(items[0]?.record).toEqual({ full_name: 'Иванов И.И.', extra: { Заметка: 'цитата "из поста"' } });
  });

  it('reports ragged rows, long cells and control characters per row and column', async () => {
    const long = 'x'.repeat(10_001);
    const items = await readText(`full_name,region\nA,B,C\nD\nE,${long}\nF\u0007,G\nH,I,,\n`);
    expect(items.map((i) => i.problems)).toEqual([
      [{ row: 2, message: 'the row has 3 cells but the header has 2: cells past the last header have no column' }],
      [{ row: 3, message: 'the row has 1 cells but the header has 2' }],
      [{ row: 4, column: 'region', message: 'the cell has 10001 characters; at most 10000 are accepted' }],
      [{ row: 5, column: 'full_name', message: 'the cell contains control character U+0007' }],
      [],
    ]);
  });

  it('gives the same items in batches', async () => {
    const path = files.write('batches.csv', `full_name\n${'Иванов\n'.repeat(50_000)}`);
    const batches: number[] = [];
    let rows = 0;
    for await (const batch of readRecordFileBatches(path)) {
      batches.push(batch.length);
      rows += batch.length;
      expect(batch.every((item) => item.record.full_name === 'Иванов')).toBe(true);
    }
    expect(rows).toBe(50_000);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('refuses a Windows-1251 file with the line of the first bad byte', async () => {
    const cp1251 = Buffer.concat([Buffer.from('full_name\nIvanov\n'), Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x0a])]);
    const error = await failure(cp1251);
    expect(error.message).toMatch(/bad\.csv: line 3: the file is not valid UTF-8 \(byte 0xC8 at byte offset 17\).*CSV UTF-8/);
  });

  it('finds a bad byte across read chunks and a character cut at the end', async () => {
    const big = Buffer.concat([Buffer.from('full_name\n'), Buffer.from('Иванов\n'.repeat(30_000)), Buffer.from([0xd0])]);
    const error = await failure(big);
    expect(error.message).toMatch(/line 30002: the file is not valid UTF-8/);
  });

  it('names the row of a quote left open', async () => {
    const error = await failure('full_name,region\nA,B\n"C,D\nE,F\n');
    expect(error.message).toBe('bad.csv: row 3: a quoted cell is never closed: a double quote (") opens it and the file ends');
    expect(error.problems).toEqual([{ row: 3, message: expect.stringContaining('never closed') as unknown }]);
  });

  it('names the header row when the mapping does not fit', async () => {
    const error = await failure('\n\nРегион,Возраст\nA,1\n');
    expect(error.message).toMatch(/^bad\.csv: row 3: no column holds a name/);
    const missing = await failure('ФИО\nA\n', { mapping: parseMapFlags(['Фамилия=surname']) });
    expect(missing.message).toMatch(/^bad\.csv: row 1, column "Фамилия": the mapping names header "Фамилия", which the file does not have/);
  });

  it('refuses an empty file and a missing file with one clear line', async () => {
    expect((await failure('')).message).toBe('bad.csv: the file has no header row: it is empty');
    await expect(collect(readRecordFile(`${files.dir}/absent.csv`))).rejects.toThrow(/absent\.csv: no such file/);
  });

  it('removes our export apostrophes only when asked', async () => {
    const text = "full_name,unit\n'=HYPERLINK(\"x\"),'-\n";
    expect((await readText(text))[0]?.record).toEqual({ full_name: '\'=HYPERLINK("x")', unit: "'-" });
    expect((await readText(text, 'u.csv', { unescapeFormulas: true }))[0]?.record).toEqual({ full_name: '=HYPERLINK("x")', unit: '-' });
  });
});
