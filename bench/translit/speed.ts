// Throughput of canonicalName and dmSoundex on a register-like stream of name parts:
// 100,000 records drawn from 20,000 distinct surnames (so most calls hit the memo, as in
// blocking and scoring), plus a cold run where every name is new.
// Run: node --import tsx bench/translit/speed.ts
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { canonicalName } from '../../src/core/translit/canonical.js';
import { nameVariants } from '../../src/core/translit/variants.js';
import { dmSoundex } from '../../src/core/translit/soundex.js';
import { seededRandom, syntheticSurname } from '../../src/core/translit/fixtures/synthetic-names.js';

const rand = seededRandom(1);
const distinct = Array.from({ length: 20_000 }, () => syntheticSurname(rand));
// each surname appears in Cyrillic or one of its Latin spellings
const stream = Array.from({ length: 100_000 }, () => {
  const name = distinct[Math.floor(rand() * distinct.length)] ?? '';
  const variants = nameVariants(name, 'surname');
  return rand() < 0.5 ? name : (variants[Math.floor(rand() * variants.length)] ?? name);
});
const fresh = Array.from({ length: 50_000 }, () => syntheticSurname(rand) + 'ко');

// Wall-clock and CPU-time rates: the machine is shared, so CPU time (user + system of this
// process) is the steadier figure of what the code costs.
function rate(label: string, items: readonly string[], fn: (s: string) => unknown, rounds: number): void {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of items) fn(s);
  const wall = (performance.now() - t0) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const calls = items.length * rounds;
  const fmt = (secs: number): string =>
    Math.round(calls / secs)
      .toLocaleString('en')
      .padStart(11);
  console.log(`${label.padEnd(52)} wall ${fmt(wall)}/s  cpu ${fmt(cpu)}/s  (${calls} calls)`);
}

console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`);
rate('canonicalName cold (every name new)', fresh, (s) => canonicalName(s, 'surname'), 1);
rate('canonicalName first pass over stream (20k distinct)', stream, (s) => canonicalName(s, 'surname'), 1);
rate('canonicalName warm stream (memo hits)', stream, (s) => canonicalName(s, 'surname'), 10);
stream.forEach((s) => canonicalName(s, 'given'));
rate('canonicalName as given name, warm', stream, (s) => canonicalName(s, 'given'), 10);
rate('dmSoundex first pass', stream, (s) => dmSoundex(s), 1);
rate('dmSoundex warm', stream, (s) => dmSoundex(s), 10);
console.log(
  `load average at end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
