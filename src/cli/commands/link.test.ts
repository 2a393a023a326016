import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pairwiseOfClusters } from '../../core/linkage/metrics.js';
import { main } from '../main.js';

const fixtures = fileURLToPath(new URL('../../core/linkage/fixtures/', import.meta.url));
const febrl = join(fixtures, 'febrl1.csv');
const settings = join(fixtures, 'febrl-settings.json');
let dir: string;
let stderr: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reckon-link-'));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function readCsv(path: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true });
}

describe('reckon link', () => {
  it('writes a cluster for every input row and finds the FEBRL1 duplicates', async () => {
    const out = join(dir, 'clusters.csv');
    const pairs = join(dir, 'pairs.csv');
    const code = await main(['node', 'reckon', 'link', febrl, '--out', out, '--settings', settings, '--pairs', pairs]);
    expect(code).toBe(0);
    const input = readCsv(febrl).map((r) => (r.rec_id ?? '').trim());
    const clusters = readCsv(out);
    expect(clusters.map((r) => r.record_id)).toEqual(input);
    const entity = input.map((id) => /rec-(\d+)/.exec(id)?.[1] ?? '');
    const f1 = pairwiseOfClusters(clusters.map((r) => r.cluster_id ?? ''), entity).f1;
    expect(f1).toBeGreaterThan(0.98);
    expect(readCsv(pairs)[0]).toMatchObject({ match_probability: expect.stringMatching(/^0\.9|^1/) as unknown });
    expect(stderr.join('')).toContain('candidate pairs');
  });

  it('links two files and keeps every row of both', async () => {
    const lines = readFileSync(febrl, 'utf8').trim().split('\n');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, [lines[0], ...lines.slice(1).filter((l) => l.includes('-org'))].join('\n'));
    writeFileSync(b, [lines[0], ...lines.slice(1).filter((l) => l.includes('-dup'))].join('\n'));
    const out = join(dir, 'linked.csv');
    expect(await main(['node', 'reckon', 'link', a, b, '--out', out, '--settings', settings, '--quiet'])).toBe(0);
    const rows = readCsv(out);
    expect(rows).toHaveLength(1000);
    const linked = rows.filter((r) => r.file === '2' && r.cluster_file === '1');
    const correct = linked.filter((r) => /rec-(\d+)/.exec(r.record_id ?? '')?.[1] === /rec-(\d+)/.exec(r.cluster_id ?? '')?.[1]);
    expect(correct.length).toBeGreaterThan(480);
    expect(correct.length / linked.length).toBeGreaterThan(0.98);
  });

  it('refuses a file without any compared column, in one line', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'foo,bar\n1,2\n');
    const code = await main(['node', 'reckon', 'link', bad, '--out', join(dir, 'x.csv'), '--settings', settings]);
    expect(code).toBe(1);
    expect(stderr.join('')).toMatch(/none of the columns the settings compare are present/);
  });

  it('rejects a threshold outside (0, 1)', async () => {
    const code = await main(['node', 'reckon', 'link', febrl, '--out', join(dir, 'x.csv'), '--threshold', '1.5']);
    expect(code).toBe(1);
    expect(stderr.join('')).toMatch(/--threshold: expected a probability/);
  });

  it('links two files on worker threads exactly as in one thread', async () => {
    const lines = readFileSync(febrl, 'utf8').trim().split('\n');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, [lines[0], ...lines.slice(1).filter((l) => l.includes('-org'))].join('\n') + '\n');
    writeFileSync(b, [lines[0], ...lines.slice(1).filter((l) => l.includes('-dup'))].join('\n') + '\n');
    const one = join(dir, 'one.csv');
    const two = join(dir, 'two.csv');
    expect(await main(['node', 'reckon', 'link', a, b, '--out', one, '--settings', settings, '--workers', '1', '--quiet'])).toBe(0);
    expect(await main(['node', 'reckon', 'link', a, b, '--out', two, '--settings', settings, '--workers', '2'])).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(stderr.join('')).toContain('on 2 worker threads');
  });

  it('rejects a worker count that is not a whole number from 1', async () => {
    const code = await main(['node', 'reckon', 'link', febrl, '--out', join(dir, 'x.csv'), '--workers', '0']);
    expect(code).toBe(1);
    expect(stderr.join('')).toMatch(/--workers: expected a whole number of threads/);
  });
});
