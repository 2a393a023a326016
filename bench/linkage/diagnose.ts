import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';

/** Diagnostic: which key columns disagree within true pairs of the synthetic register (no labels used by the engine). */
const persons = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const settingsUrl = new URL('../../src/core/linkage/settings/person-register.json', import.meta.url);
const settings = parseSettings(JSON.parse(await readFile(settingsUrl, 'utf8')));
const { records, truth } = generateRegister({ persons, seed });
const rows = prepareRows(settings, records);
const byPerson = new Map<string, number[]>();
truth.forEach((t, i) => {
  const list = byPerson.get(t.person_id) ?? [];
  list.push(i);
  byPerson.set(t.person_id, list);
});
const counts = new Map<string, number>();
const examples = new Map<string, string[]>();
const bump = (k: string, ex: string): void => {
  counts.set(k, (counts.get(k) ?? 0) + 1);
  const l = examples.get(k) ?? [];
  if (l.length < 12) l.push(ex);
  examples.set(k, l);
};
const raw = (i: number): string => {
  const r = (records[i] ?? {}) as unknown as Record<string, string | undefined>;
  return `[${r.full_name ?? ''}|${r.surname ?? ''}|${r.given_name ?? ''}|${r.patronymic ?? ''}] b=${r.birth_date ?? ''} a=${r.age ?? ''} d=${r.death_date ?? ''}`;
};
for (const list of byPerson.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const i = list[x] ?? 0;
      const j = list[y] ?? 0;
      const a = rows[i] ?? {};
      const b = rows[j] ?? {};
      for (const col of ['surname_key', 'given_key', 'patronymic_key']) {
        const va = a[col] ?? '';
        const vb = b[col] ?? '';
        if (va === '' || vb === '') bump(`${col} missing`, `${raw(i)} ~ ${raw(j)}`);
        else if (va !== vb) bump(`${col} differs`, `${va} vs ${vb}: ${raw(i)} ~ ${raw(j)}`);
      }
    }
for (const [k, n] of [...counts].sort((p, q) => q[1] - p[1])) {
  console.log(`${k}: ${n}`);
  for (const e of examples.get(k) ?? []) console.log(`   ${e}`);
}
