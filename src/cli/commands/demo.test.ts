import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import { UserError } from '../cli-error.js';
import { registerDemoCommand } from './demo.js';

const root = await mkdtemp(join(tmpdir(), 'reckon-demo-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function demo(...args: string[]): Promise<string> {
  const program = new Command('reckon').exitOverride();
  registerDemoCommand(program);
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['node', 'reckon', 'demo', ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

const read = (dir: string, file: string): Promise<string> => readFile(join(dir, file), 'utf8');
const rows = async (dir: string, file: string): Promise<Record<string, string>[]> =>
  parse<Record<string, string>>(await read(dir, file), { columns: true });

describe('reckon demo', () => {
  it('writes records, truth, persons and a README that says the data are synthetic', async () => {
    const dir = join(root, 'a');
    const stderr = await demo('--persons', '300', '--seed', 'abc', '--out', dir);
    expect(stderr).toMatch(
      /^demo: 300 fictional persons \(15 namesakes\), \d+ records written to .* \(SYNTHETIC data\)\n$/u,
    );
    const records = await read(dir, 'records.csv');
    expect(records.split('\n')[0]).toBe(RECORD_COLUMNS.join(','));
    const recordRows = await rows(dir, 'records.csv');
    const truth = await rows(dir, 'truth.csv');
    const persons = await rows(dir, 'persons.csv');
    expect(persons).toHaveLength(300);
    expect(truth.map((t) => t.record_id)).toEqual(recordRows.map((r) => r.record_id));
    const personIds = new Set(persons.map((p) => p.person_id));
    expect(truth.filter((t) => !personIds.has(t.person_id ?? ''))).toEqual([]);
    const readme = await read(dir, 'README.txt');
    expect(readme).toMatch(/^SYNTHETIC DATA: EVERY PERSON IN THESE FILES IS FICTIONAL\./u);
    expect(readme).toContain('seed="abc"');
  });

  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    await demo('--persons', '200', '--seed', 's1', '--out', join(root, 'b1'));
    await demo('--persons', '200', '--seed', 's1', '--out', join(root, 'b2'));
    await demo('--persons', '200', '--seed', 's2', '--out', join(root, 'b3'));
    for (const file of ['records.csv', 'truth.csv', 'persons.csv', 'README.txt']) {
      expect(await read(join(root, 'b2'), file)).toBe(await read(join(root, 'b1'), file));
    }
    expect(await read(join(root, 'b3'), 'records.csv')).not.toBe(await read(join(root, 'b1'), 'records.csv'));
  });

  it('rejects a bad flag with a message naming it', async () => {
    await expect(demo('--persons', 'many', '--out', join(root, 'c'))).rejects.toThrow(UserError);
    await expect(demo('--persons', '-5', '--out', join(root, 'c'))).rejects.toThrow(/--persons/u);
    await expect(demo('--homonym-share', '0.9', '--out', join(root, 'c'))).rejects.toThrow(
      /--homonym-share/u,
    );
  });
});
