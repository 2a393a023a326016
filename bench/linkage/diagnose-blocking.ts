import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';

/** Diagnostic: true pairs no blocking rule reaches (block-size cap ignored), grouped by which fields each side has. */
const persons = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const settingsUrl = new URL('../../src/core/linkage/settings/person-register.json', import.meta.url);
const settings = parseSettings(JSON.parse(await readFile(settingsUrl, 'utf8')));
const { records, truth } = generateRegister({ persons, seed });
const rows = prepareRows(settings, records);
const byPerson = new Map<string, number[]>();
truth.forEach((t, i) => byPerson.set(t.person_id, [...(byPerson.get(t.person_id) ?? []), i]));
const shape = (r: Record<string, string | undefined>): string =>
  ['surname_key', 'given_key', 'patronymic_key', 'birth_value', 'birth_from', 'death_value', 'death_month', 'death_from', 'region_key']
    .map((c) => ((r[c] ?? '') === '' ? '-' : c.slice(0, 3) + (c.split('_')[1] ?? '').slice(0, 2)))
    .join(',');
const counts = new Map<string, number>();
const ex = new Map<string, string[]>();
let total = 0;
let missed = 0;
for (const list of byPerson.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      total++;
      const a = rows[list[x] ?? 0] ?? {};
      const b = rows[list[y] ?? 0] ?? {};
      const hit = settings.blocking.some((rule) => rule.every((c) => (a[c] ?? '') !== '' && a[c] === b[c]));
      if (hit) continue;
      missed++;
      const k = [shape(a), shape(b)].sort().join('  ~  ');
      counts.set(k, (counts.get(k) ?? 0) + 1);
      const l = ex.get(k) ?? [];
      const ra = records[list[x] ?? 0] ?? {};
      const rb = records[list[y] ?? 0] ?? {};
      if (l.length < 3) l.push(`${JSON.stringify(ra)}\n      ${JSON.stringify(rb)}\n      ${JSON.stringify(a)}\n      ${JSON.stringify(b)}`);
      ex.set(k, l);
    }
console.log(`true pairs ${total}, unreachable ${missed}`);
for (const [k, n] of [...counts].sort((p, q) => q[1] - p[1]).slice(0, 12)) {
  console.log(`${n}  ${k}`);
  for (const e of (ex.get(k) ?? []).slice(0, 1)) console.log(`      ${e}`);
}
