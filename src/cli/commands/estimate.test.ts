import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../core/estimate/fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'reckon-estimate-'));

async function reckon(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const code = await main(['node', 'reckon', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reckon estimate', () => {
  it('prints the log-linear estimate and its 95% interval as JSON', async () => {
    const { code, out } = await reckon(
      '--format',
      'json',
      'estimate',
      '--method',
      'loglinear',
      '--patterns',
      fixture('kosovo_aggregate_patterns.csv'),
    );
    expect(code).toBe(0);
    const r = JSON.parse(out) as {
      estimate: number;
      lower: number;
      upper: number;
      model: string;
      method: string;
      computedAt: string;
    };
    expect([r.estimate.toFixed(1), r.lower.toFixed(1), r.upper.toFixed(1), r.model]).toEqual([
      '10356.5',
      '8994.3',
      '12110.4',
      '[123,14,34]',
    ]);
    expect(r.computedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('runs dga on five lists and prints a table by default', async () => {
    const { code, out } = await reckon(
      'estimate',
      '--method',
      'dga',
      '--patterns',
      fixture('madigan_york_5list.csv'),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^method\s+model/);
    expect(out).toContain('dga');
  });

  it('gives one clear line naming the row for bad tables, never NaN', async () => {
    const cases: [string, RegExp][] = [
      ['A,B,C,n\n1,0,0,4\n0,1,0\n', /line 3: expected 4 columns/],
      ['A,B,C,n\n1,0,0,4\n0,1,0,-1\n', /line 3, column n: expected a non-negative whole number, found "-1"/],
      [
        'A,B,C,n\n1,0,0,4\n0,1,0,abc\n',
        /line 3, column n: expected a non-negative whole number, found "abc"/,
      ],
      ['A,B,n\n1,0,4\n0,1,3\n1,1,2\n', /at least 3 list columns/],
      ['A,B,C,n\n1,0,0,4\n0,1,0,3\n0,0,1,7\n', /no record appears on more than one list/],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      const { code, out, err } = await reckon('estimate', '--patterns', file(`bad${i}.csv`, text));
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).not.toContain('NaN');
    }
  });

  it('reports a missing file and a bad seed clearly', async () => {
    expect((await reckon('estimate', '--patterns', join(dir, 'nope.csv'))).err).toMatch(
      /cannot read .*nope\.csv: ENOENT/,
    );
    expect(
      (await reckon('estimate', '--method', 'lcmcr', '--seed', 'x', '--patterns', fixture('HIV.csv'))).err,
    ).toMatch(/--seed: expected a whole number/);
  });

  it('runs the registry method from two CSV files', async () => {
    const counts = file(
      'registry.csv',
      [
        'sex,age_band,period,phase,deaths',
        'male,20-29,2019,baseline,1000',
        'female,20-29,2019,baseline,400',
        'male,20-29,2023,war,1500',
        'female,20-29,2023,war,400',
      ].join('\n'),
    );
    const matches = file('matches.csv', 'age_band,named,found\n20-29,300,150\n');
    const { code, out } = await reckon(
      '--format',
      'json',
      'estimate',
      '--method',
      'registry',
      '--registry',
      counts,
      '--registry-matches',
      matches,
      '--seed',
      '5',
    );
    expect(code).toBe(0);
    const r = JSON.parse(out) as { estimate: number; lower: number; upper: number; seed: number };
    expect(r.estimate).toBeCloseTo(1000, 6);
    expect(r.lower).toBeLessThan(1000);
    expect(r.upper).toBeGreaterThan(1000);
    expect(r.seed).toBe(5);
  });
});
