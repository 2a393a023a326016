import { readFile } from 'node:fs/promises';
import { generateRegister } from '../../src/core/synth/generate.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { parseSettings } from '../../src/core/linkage/settings.schemas.js';
import { CompetitorIndex, evidence, factsOf, shared, type Facts } from './diagnose-evidence.js';

/**
 * Diagnostic: the ceiling of the synthetic register. For every true pair (a, b), what the two records
 * share, and whether any record of ANOTHER person agrees with a at least as well on every field (a
 * "competitor": with the same information no reader could tell b from it). A true pair is resolvable
 * when it has no competitor from either side. Clusters built only from resolvable pairs (with
 * transitivity) give the best clustered recall and B-cubed reachable at precision 1.
 * Usage: node --import tsx bench/linkage/diagnose-ceiling.ts [persons=20000] [seed=1]
 */
const persons = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const settingsUrl = new URL('../../src/core/linkage/settings/person-register.json', import.meta.url);
const settings = parseSettings(JSON.parse(await readFile(settingsUrl, 'utf8')));
const { records, truth } = generateRegister({ persons, seed });
const rows = prepareRows(settings, records);
const facts: Facts[] = rows.map(factsOf);
const person = truth.map((t) => t.person_id);

const index = new CompetitorIndex(facts, person);

const byPerson = new Map<string, number[]>();
person.forEach((p, i) => {
  const list = byPerson.get(p);
  if (list) list.push(i);
  else byPerson.set(p, [i]);
});

/** Only a given name in common, perhaps with vague agreement (dates consistent over a wide span, a region, a category). */
const weakOnly = (label: string): boolean =>
  label.split(' ').every((p) => p === 'given=' || p === 'given~' || p.endsWith('?') || p === 'region' || p === 'service1');
let total = 0;
let nothing = 0;
let weak = 0;
let givenOnly = 0;
const strongPartner = new Set<number>();
const strongEdges: [number, number][] = [];
let strict = 0;
let lenient = 0;
const unresolved = new Map<string, number>();
const example = new Map<string, string>();
const strictEdges: [number, number][] = [];
const lenientEdges: [number, number][] = [];
for (const list of byPerson.values()) {
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const a = list[x] ?? 0;
      const b = list[y] ?? 0;
      total++;
      const e = evidence(facts[a] as Facts, facts[b] as Facts);
      const label = shared(e);
      if (label === 'nothing') nothing++;
      if (weakOnly(label)) {
        weak++;
        if (label === 'given=') givenOnly++;
      } else {
        for (const r of [a, b]) strongPartner.add(r);
        strongEdges.push([a, b]);
      }
      const { strict: both, lenient: either } = index.resolvable(a, b);
      if (both) {
        strict++;
        strictEdges.push([a, b]);
      }
      if (either) {
        lenient++;
        lenientEdges.push([a, b]);
        continue;
      }
      unresolved.set(label, (unresolved.get(label) ?? 0) + 1);
      if (!example.has(label)) {
        const show = (i: number): string => {
          const r = records[i] as unknown as Record<string, string>;
          return ['full_name', 'surname', 'given_name', 'patronymic', 'birth_date', 'age', 'death_date', 'region', 'published_at'].map((k) => r[k] ?? '').join('|');
        };
        example.set(label, `${show(a)}\n        ${show(b)}`);
      }
    }
}

/** Clustered pairwise recall and B-cubed F1 at precision 1 from cluster edges inside each person. */
function ceiling(edges: [number, number][]): { recall: number; bcubed: number } {
  const parent = Int32Array.from({ length: rows.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x] ?? x] ?? x;
    return x;
  };
  for (const [a, b] of edges) parent[find(a)] = find(b);
  const size = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  let pairs = 0;
  for (const s of size.values()) pairs += (s * (s - 1)) / 2;
  let recallSum = 0;
  for (const list of byPerson.values()) for (const i of list) recallSum += (size.get(find(i)) ?? 1) / list.length;
  const r = recallSum / rows.length;
  return { recall: pairs / total, bcubed: (2 * r) / (1 + r) };
}

const pct = (n: number): string => `${n} (${((100 * n) / total).toFixed(2)}%)`;
const f1 = (r: number): string => ((2 * r) / (1 + r)).toFixed(4);
console.log(`synthetic register, ${persons} persons, seed ${seed}: ${rows.length} records, ${total} true pairs`);
console.log(`share nothing at all (no name part, date or region in common): ${pct(nothing)}`);
console.log(`share only a given name: ${pct(givenOnly)}; only a given name plus vague agreement (wide dates, region, category): ${pct(weak)}`);
let multi = 0;
let isolated = 0;
for (const list of byPerson.values()) {
  if (list.length < 2) continue;
  multi += list.length;
  for (const i of list) if (!strongPartner.has(i)) isolated++;
}
console.log(`records of persons with 2+ records that share more than a given name and vague agreement with none of their person's other records: ${isolated} of ${multi} (${((100 * isolated) / multi).toFixed(2)}%)`);
const cw = ceiling(strongEdges);
console.log(`ceiling without the pairs that share only a given name and vague agreement: clustered recall ${cw.recall.toFixed(4)}, F1 ${f1(cw.recall)}, B-cubed F1 ${cw.bcubed.toFixed(4)}`);
console.log(`resolvable from both sides (no other person's record agrees as well): ${pct(strict)}`);
console.log(`resolvable from at least one side: ${pct(lenient)}`);
const cs = ceiling(strictEdges);
const cl = ceiling(lenientEdges);
console.log(`ceiling at precision 1 (transitive closure of resolvable pairs):`);
console.log(`  strict:  clustered recall ${cs.recall.toFixed(4)}, F1 ${f1(cs.recall)}, B-cubed F1 ${cs.bcubed.toFixed(4)}`);
console.log(`  lenient: clustered recall ${cl.recall.toFixed(4)}, F1 ${f1(cl.recall)}, B-cubed F1 ${cl.bcubed.toFixed(4)}`);
console.log('unresolvable true pairs by what they share (names: = exact, ~ close; dates: = same day (or month), ~ within a year, ? wide, or for a death: within weeks of the other\'s publication; serviceN: unit, rank, place, category agreeing):');
for (const [label, n] of [...unresolved].sort((p, q) => q[1] - p[1]).slice(0, 20)) {
  console.log(`  ${String(n).padStart(6)}  ${label}`);
  console.log(`        ${example.get(label) ?? ''}`);
}
