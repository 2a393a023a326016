import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { runLinkage } from '../../src/core/linkage/run-linkage.js';
import { probability } from '../../src/core/linkage/score.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';
import { CompetitorIndex, evidence, factsOf, shared, type Facts } from './diagnose-evidence.js';

/**
 * Diagnostic: the clustered errors of the person-register run, against the generator's truth. Missed true
 * pairs by why (never a candidate, scored below the link threshold, kept apart by the cohesion guard) and
 * whether they were resolvable at all (see diagnose-ceiling.ts); false links by what the records share.
 * Usage: node --import tsx bench/linkage/diagnose-errors.ts [persons=20000] [seed=1] [settings.json]
 */
const persons = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const settingsUrl = process.argv[4] ?? new URL('../../src/core/linkage/settings/person-register.json', import.meta.url);
const settings = parseSettings(JSON.parse(await readFile(settingsUrl, 'utf8')));
const { records, truth } = generateRegister({ persons, seed });
const rows = prepareRows(settings, records);
const run = runLinkage(settings, rows, undefined);
const person = truth.map((t) => t.person_id);
const facts: Facts[] = rows.map(factsOf);
const index = new CompetitorIndex(facts, person);
const { pairs } = run.blocking;
const weightOfPair = new Map<string, number>();
for (let k = 0; k < pairs.length; k++) weightOfPair.set(`${pairs.a[k] ?? 0}:${pairs.b[k] ?? 0}`, run.weight[k] ?? 0);
const pairWeight = (a: number, b: number): number | undefined => weightOfPair.get(a < b ? `${a}:${b}` : `${b}:${a}`);
const show = (i: number): string => {
  const r = records[i] as unknown as Record<string, string>;
  return ['full_name', 'surname', 'given_name', 'patronymic', 'birth_date', 'age', 'death_date', 'region', 'published_at'].map((k) => r[k] ?? '').join('|');
};

const tally = new Map<string, number>();
const examples = new Map<string, string[]>();
const bump = (key: string, a: number, b: number, extra = ''): void => {
  tally.set(key, (tally.get(key) ?? 0) + 1);
  const l = examples.get(key) ?? [];
  if (l.length < 2) l.push(`${extra}${show(a)}\n          ${show(b)}`);
  examples.set(key, l);
};

const byPerson = new Map<string, number[]>();
person.forEach((p, i) => byPerson.set(p, [...(byPerson.get(p) ?? []), i]));
let missed = 0;
let missedResolvable = 0;
let missedLenient = 0;
for (const list of byPerson.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const a = list[x] ?? 0;
      const b = list[y] ?? 0;
      if (run.clusters[a] === run.clusters[b]) continue;
      missed++;
      const r = index.resolvable(a, b);
      if (r.strict) missedResolvable++;
      if (r.lenient) missedLenient++;
      const w = pairWeight(a, b);
      const why = w === undefined ? 'not a candidate' : probability(w) < settings.threshold ? 'below threshold' : 'guard';
      const label = shared(evidence(facts[a] as Facts, facts[b] as Facts));
      bump(`MISS ${r.strict ? 'resolvable' : r.lenient ? 'one-sided' : 'unresolvable'} | ${why} | ${label}`, a, b, w === undefined ? '' : `p=${probability(w).toFixed(3)} `);
    }

let falseLinks = 0;
const clusterMembers = new Map<number, number[]>();
run.clusters.forEach((c, i) => clusterMembers.set(c, [...(clusterMembers.get(c) ?? []), i]));
for (const list of clusterMembers.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const a = list[x] ?? 0;
      const b = list[y] ?? 0;
      if (person[a] === person[b]) continue;
      falseLinks++;
      const w = pairWeight(a, b);
      const how = w === undefined ? 'transitive' : probability(w) >= settings.threshold ? 'direct' : 'transitive';
      bump(`FALSE ${how} | ${shared(evidence(facts[a] as Facts, facts[b] as Facts))}`, a, b, w === undefined ? '' : `p=${probability(w).toFixed(3)} `);
    }

console.log(`${rows.length} records; missed true pairs ${missed} (resolvable from both sides ${missedResolvable}, from one side ${missedLenient}); false pairs in clusters ${falseLinks}`);
for (const [k, n] of [...tally].sort((p, q) => q[1] - p[1]).slice(0, Number(process.env.TOP ?? 40))) {
  console.log(`${String(n).padStart(6)}  ${k}`);
  for (const e of examples.get(k) ?? []) console.log(`          ${e}`);
}
