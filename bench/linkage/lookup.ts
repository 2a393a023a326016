import { cpus } from 'node:os';
import { buildCandidateIndex, findCandidates } from '../../src/core/linkage/candidate-index.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { runLinkage } from '../../src/core/linkage/run-linkage.js';
import { generateRegister } from '../../src/core/synth/generate.js';
import { loadSettings } from '../../src/services/linkage/link-files.service.js';

// Usage: node --import tsx bench/linkage/lookup.ts [--records 200000] [--queries 1000]
// Data-entry check: one new record against a pre-indexed register; reports latency percentiles.
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const target = option('--records', 200_000);
const queries = option('--queries', 1000);
const settings = await loadSettings();
const { records, truth } = generateRegister({ persons: Math.round(target / 2.5), seed: 11 });
const register = records.slice(0, target);
const probes = records.slice(target, target + queries);
const probeTruth = truth.slice(target, target + queries);
const registerPerson = new Map(truth.slice(0, target).map((t) => [t.record_id, t.person_id]));
let t = performance.now();
const { model } = runLinkage(settings, prepareRows(settings, register), undefined);
const trainSeconds = (performance.now() - t) / 1000;
t = performance.now();
const index = buildCandidateIndex(model, register);
const indexSeconds = (performance.now() - t) / 1000;
const times: number[] = [];
let hits = 0;
let withTruth = 0;
probes.forEach((probe, k) => {
  const s = performance.now();
  const found = findCandidates(index, probe, 5);
  times.push(performance.now() - s);
  const person = probeTruth[k]?.person_id;
  const inRegister = [...registerPerson.values()].includes(person ?? '');
  if (!inRegister) return;
  withTruth++;
  if (found[0] && registerPerson.get(found[0].recordId) === person) hits++;
});
times.sort((a, b) => a - b);
const pct = (p: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
console.log(
  JSON.stringify({
    registerRecords: register.length,
    queries: probes.length,
    trainSeconds: Math.round(trainSeconds),
    indexSeconds: Math.round(indexSeconds * 10) / 10,
    ms: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) },
    top1Correct: `${hits}/${withTruth} probes whose person is already in the register`,
    machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}`,
  }),
);
