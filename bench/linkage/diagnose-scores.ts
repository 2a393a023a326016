import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { runLinkage } from '../../src/core/linkage/run-linkage.js';
import { probability } from '../../src/core/linkage/score.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';

/** Diagnostic: blocked true pairs scored below p = 0.5 and false pairs above it, with the records. */
const persons = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const settingsUrl = new URL('../../src/core/linkage/settings/person-register.json', import.meta.url);
const settings = parseSettings(JSON.parse(await readFile(settingsUrl, 'utf8')));
const { records, truth } = generateRegister({ persons, seed });
const rows = prepareRows(settings, records);
const run = runLinkage(settings, rows, undefined);
const { pairs } = run.blocking;
const fields = ['full_name', 'surname', 'given_name', 'patronymic', 'birth_date', 'age', 'death_date', 'region', 'published_at'];
const show = (i: number): string => fields.map((f) => (records[i] as unknown as Record<string, string> | undefined)?.[f] ?? '').join('|');
let low = 0;
let high = 0;
const lows: string[] = [];
const highs: string[] = [];
for (let k = 0; k < pairs.length; k++) {
  const a = pairs.a[k] ?? 0;
  const b = pairs.b[k] ?? 0;
  const p = probability(run.weight[k] ?? 0);
  const same = truth[a]?.person_id === truth[b]?.person_id;
  if (same && p < 0.5) {
    low++;
    if (lows.length < 25) lows.push(`${p.toFixed(3)}  ${show(a)}\n        ${show(b)}`);
  } else if (!same && p >= 0.5) {
    high++;
    if (highs.length < 25) highs.push(`${p.toFixed(3)}  ${show(a)}\n        ${show(b)}`);
  }
}
console.log(`true pairs below 0.5: ${low}`);
for (const l of lows) console.log(`  ${l}`);
console.log(`false pairs at or above 0.5: ${high}`);
for (const l of highs) console.log(`  ${l}`);
