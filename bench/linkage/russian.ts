import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';
import { evaluate, type BenchResult } from './evaluate.js';

/** Runs the person-register settings on the synthetic Russian register (ground truth from the generator). */
export async function runRussian(persons: number, seed: number, verbose: boolean): Promise<BenchResult> {
  const settingsUrl = new URL('../../src/core/linkage/settings/person-register.json', import.meta.url);
  const settings = parseSettings(JSON.parse(await readFile(settingsUrl, 'utf8')));
  const { records, truth } = generateRegister({ persons, seed });
  const t0 = performance.now();
  const rows = prepareRows(settings, records);
  if (verbose) process.stderr.write(`  prepared ${rows.length} records in ${Math.round(performance.now() - t0)} ms\n`);
  const result = evaluate(`synthetic Russian register, ${persons} persons (seed ${seed})`, settings, truth.map((t) => t.person_id), rows, undefined, verbose);
  return { ...result, seconds: Math.round((result.seconds + (performance.now() - t0) / 1000 - result.seconds) * 100) / 100 };
}
