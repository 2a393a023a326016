import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LinkageInputError } from './linkage-input-error.js';
import { linkFiles, loadSettings } from './link-files.service.js';

const dir = mkdtempSync(join(tmpdir(), 'reckon-linkfiles-'));

function run(csv: string | Buffer): Promise<{ rows: Record<string, string>[]; messages: string[] }> {
  const input = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  const out = `${input}.out.csv`;
  writeFileSync(input, csv);
  const messages: string[] = [];
  return linkFiles({ files: [input], out, progress: (m) => messages.push(m) }).then(() => ({
    rows: parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true }),
    messages,
  }));
}

describe('linkFiles on the record CSV with the default person-register settings', () => {
  it('links spellings of one person and writes every row, warning about empty names instead of dropping them', async () => {
    const csv = [
      'record_id,full_name,surname,given_name,birth_date,age,death_date,region',
      'r1,Иванов Пётр Сергеевич,,,12.03.1994,,05.06.2023,Пермский край',
      'r2,Petr Ivanov,,,1994-03-12,,,Perm',
      'r3,,Смирнов,Олег,,41 год,2023-01-10,Омск',
      'r4,,,,,,2023-02-02,',
      'r5,Петя Иванов,,,,29 лет,июнь 2023,Пермь',
      'r6,Кузнецов Андрей Викторович,,,01.01.1970,,01.01.2024,Тверь',
    ].join('\n');
    const { rows, messages } = await run(csv);
    expect(rows.map((r) => r.record_id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    const cluster = new Map(rows.map((r) => [r.record_id, r.cluster_id]));
    expect(cluster.get('r2')).toBe(cluster.get('r1'));
    expect(cluster.get('r3')).not.toBe(cluster.get('r1'));
    expect(messages.some((m) => m.includes('row 5: empty name'))).toBe(true);
  });

  it('keeps rows with broken encoding, with a warning naming the row', async () => {
    const head = Buffer.from('record_id,full_name\nr1,Ivan Petrov\nr2,');
    const broken = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\nr3,Ivan Petrov\n')]);
    const { rows, messages } = await run(broken);
    expect(rows).toHaveLength(3);
    expect(messages.some((m) => m.includes('row 3: broken text encoding'))).toBe(true);
  });

  it('refuses a record CSV with no name column, naming what it expected', async () => {
    await expect(run('record_id,region\nr1,Омск\n')).rejects.toThrow(LinkageInputError);
    await expect(run('record_id,region\nr1,Омск\n')).rejects.toThrow(/expected surname, given_name or full_name/);
  });

  it('rejects invalid settings with the path of the problem', async () => {
    const path = join(dir, 'bad-settings.json');
    writeFileSync(path, JSON.stringify({ columns: [], comparisons: [], blocking: [] }));
    await expect(loadSettings(path)).rejects.toThrow(/settings .*bad-settings\.json: columns/);
  });
});
