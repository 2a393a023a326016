// Scores a clusters file (record_id,cluster_id, as `reckon link` writes) against a demo's truth.csv:
// pairwise precision / recall / F1 over all pairs, and how many planted namesakes were wrongly merged.
// Usage: node --import tsx bench/synth/link-quality.ts DEMO_DIR CLUSTERS_CSV
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const [dir = '', clustersPath = ''] = process.argv.slice(2);
const rows = async (path: string): Promise<Record<string, string>[]> =>
  parse<Record<string, string>>(await readFile(path, 'utf8'), { columns: true });
const truth = new Map(
  (await rows(join(dir, 'truth.csv'))).map((r) => [r.record_id ?? '', r.person_id ?? '']),
);
const cluster = new Map((await rows(clustersPath)).map((r) => [r.record_id ?? '', r.cluster_id ?? '']));
const persons = await rows(join(dir, 'persons.csv'));

/** Number of unordered pairs inside groups of the given sizes. */
const pairs = (sizes: Iterable<number>): number => [...sizes].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
const sizes = (key: (id: string) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const id of truth.keys()) m.set(key(id), (m.get(key(id)) ?? 0) + 1);
  return m;
};
const truePairs = pairs(sizes((id) => truth.get(id) ?? '').values());
const predicted = pairs(sizes((id) => cluster.get(id) ?? `missing-${id}`).values());
const both = pairs(sizes((id) => `${truth.get(id) ?? ''}|${cluster.get(id) ?? `missing-${id}`}`).values());
const precision = both / predicted;
const recall = both / truePairs;

// A planted namesake is wrongly merged when any of its records shares a cluster with its model's records.
const clustersOf = new Map<string, Set<string>>();
for (const [id, person] of truth) {
  const set = clustersOf.get(person) ?? new Set<string>();
  set.add(cluster.get(id) ?? '');
  clustersOf.set(person, set);
}
const namesakes = persons.filter((p) => p.homonym_of);
const merged = namesakes.filter((p) => {
  const mine = clustersOf.get(p.person_id ?? '') ?? new Set<string>();
  const theirs = clustersOf.get(p.homonym_of ?? '') ?? new Set<string>();
  return [...mine].some((c) => theirs.has(c));
});
console.log(
  `records ${truth.size}, persons ${persons.length}, true pairs ${truePairs}, predicted pairs ${predicted}\n` +
    `pairwise precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${((2 * precision * recall) / (precision + recall)).toFixed(4)}\n` +
    `planted namesakes merged with their model: ${merged.length} of ${namesakes.length} ` +
    `(${merged.filter((p) => p.homonym_kind === 'full').length} of ${namesakes.filter((p) => p.homonym_kind === 'full').length} full-name namesakes)`,
);
