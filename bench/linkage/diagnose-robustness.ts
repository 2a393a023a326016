import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';
import { createRng } from '../../src/core/synth/prng.js';
import { evaluate } from './evaluate.js';
/**
 * Diagnostic: robustness to sources that disagree. The generator never gives two records of one person a
 * different region, rank, unit or place of death; this replaces a share of those values with another
 * record's value (before linkage; the generator itself is untouched) and measures accuracy again.
 * Usage: node --import tsx bench/linkage/diagnose-robustness.ts [share=0.05] [seed=1] [persons=20000]
 */
const share = Number(process.argv[2] ?? 0.05);
const seed = Number(process.argv[3] ?? 1);
const settings = parseSettings(JSON.parse(await readFile(new URL('../../src/core/linkage/settings/person-register.json', import.meta.url), 'utf8')));
const persons = Number(process.argv[4] ?? 20000);
const { records, truth } = generateRegister({ persons, seed });
const rng = createRng(`stress-${seed}`);
for (const col of ['region', 'rank', 'unit', 'death_place'] as const) {
  const filled = records.filter((r) => r[col] !== '');
  for (const r of filled) if (rng.chance(share)) r[col] = rng.pick(filled)[col];
}
const r = evaluate('stress', settings, truth.map((t) => t.person_id), prepareRows(settings, records));
console.log(JSON.stringify({ share, seed, persons, at05: r.at05, clustered: r.clustered, bcubed: r.bcubed }));
