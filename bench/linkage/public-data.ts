import { readFile } from 'node:fs/promises';
import { parseSettings, type LinkageSettings } from '../../src/core/linkage/settings.schemas.js';
import type { RawRow } from '../../src/core/linkage/dataset.js';
import { readRecordFile } from '../../src/services/linkage/read-records.js';
import { evaluate, type BenchResult } from './evaluate.js';

const DATA = new URL('../../../shared/data/linkage/', import.meta.url);

async function settings(file: string): Promise<LinkageSettings> {
  return parseSettings(JSON.parse(await readFile(new URL(`settings/${file}`, import.meta.url), 'utf8')));
}

async function rows(rel: string): Promise<RawRow[]> {
  return (await readRecordFile(new URL(rel, DATA).pathname)).rows;
}

const febrlEntity = (r: RawRow): string => /rec-(\d+)/.exec(r.rec_id ?? '')?.[1] ?? '';

/** Runs the FEBRL and fake_1000 benchmarks named (or all). */
export async function runPublic(names: string[], verbose: boolean): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const febrl = await settings('febrl.json');
  for (const k of ['1', '2', '3']) {
    if (!names.includes(`febrl${k}`)) continue;
    const r = await rows(`febrl/dataset${k}.csv`);
    out.push(evaluate(`FEBRL${k} (dedupe)`, febrl, r.map(febrlEntity), r, undefined, verbose));
  }
  if (names.includes('febrl4')) {
    const a = await rows('febrl/dataset4a.csv');
    const b = await rows('febrl/dataset4b.csv');
    out.push(evaluate('FEBRL4 (link a-b)', febrl, [...a, ...b].map(febrlEntity), a, b, verbose));
  }
  if (names.includes('fake_1000')) {
    const r = await rows('splink/fake_1000.csv');
    out.push(evaluate('fake_1000 (dedupe)', await settings('fake_1000.json'), r.map((x) => x.cluster ?? ''), r, undefined, verbose));
  }
  return out;
}
