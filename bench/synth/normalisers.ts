// How well Reckon's normalisers read what the generator writes (the demo and the linkage benchmarks
// depend on it). Prints, per field, the share of non-empty values parsed and the share that agree with
// the truth. Disagreement is expected where the generator adds noise on purpose (typos, swapped
// day/month, a wrong category now and then). Usage: node --import tsx bench/synth/normalisers.ts [persons]
import { normaliseCategory } from '../../src/core/categories/category.js';
import { parseAge, parsePartialDate } from '../../src/core/dates/partial-date.js';
import { splitFullName } from '../../src/core/names/split-name.js';
import { resolveRegion } from '../../src/core/regions/resolve-region.js';
import { generateRegister } from '../../src/core/synth/generate.js';
import type { SynthPerson, SynthRecord } from '../../src/core/synth/synth.schemas.js';

const persons = Number(process.argv[2] ?? 20_000);
const reg = generateRegister({ persons, seed: 'normalisers' });
const byId = new Map(reg.persons.map((p) => [p.person_id, p]));
const pairs: [SynthRecord, SynthPerson][] = reg.records.map((r, i) => [
  r,
  byId.get(reg.truth[i]?.person_id ?? '') as SynthPerson,
]);

interface Tally {
  values: number;
  parsed: number;
  agree: number;
  misses: Map<string, number>;
}
const tallies = new Map<string, Tally>();
function count(field: string, value: string, parsed: boolean, agree: boolean): void {
  const t = tallies.get(field) ?? { values: 0, parsed: 0, agree: 0, misses: new Map<string, number>() };
  tallies.set(field, t);
  t.values++;
  if (parsed) t.parsed++;
  if (agree) t.agree++;
  else t.misses.set(value, (t.misses.get(value) ?? 0) + 1);
}
const fold = (s: string | null): string => (s ?? '').toLowerCase().replaceAll('ё', 'е');

for (const [r, p] of pairs) {
  for (const [field, truth] of [
    ['death_date', p.death_date],
    ['birth_date', p.birth_date],
  ] as const) {
    const text = r[field];
    if (!text) continue;
    const d = parsePartialDate(text);
    const within = d.from !== null && d.to !== null && d.from <= truth && truth <= d.to;
    count(field, text.replace(/\d/gu, '9'), d.precision !== 'unknown', within);
  }
  if (r.age) count('age', r.age.replace(/\d/gu, '9'), parseAge(r.age) !== null, parseAge(r.age) !== null);
  if (r.region) {
    const res = resolveRegion(r.region);
    count('region', r.region, res.matched, res.code === p.region_code);
  }
  if (r.category) count('category', r.category, true, normaliseCategory(r.category) === p.category);
  if (r.full_name && /\p{Script=Cyrillic}/u.test(r.full_name) && r.list !== 'ukrainian_sources') {
    const s = splitFullName(r.full_name);
    count(
      `full_name (${r.list})`,
      r.full_name,
      s.surname !== null,
      s.surname === null || fold(s.surname) === fold(p.surname) || fold(s.given) === fold(p.given_name),
    );
  }
}

console.log(`${reg.records.length} records of ${persons} persons`);
console.log('| field | values | parsed | agree with truth | commonest disagreements |');
console.log('|---|---|---|---|---|');
for (const [field, t] of [...tallies].sort()) {
  const top = [...t.misses]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([v, n]) => `"${v}" ×${n}`)
    .join(', ');
  const pct = (n: number): string => `${((100 * n) / t.values).toFixed(1)}%`;
  console.log(`| ${field} | ${t.values} | ${pct(t.parsed)} | ${pct(t.agree)} | ${top} |`);
}
