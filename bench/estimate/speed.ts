// Speed of the estimators, CPU and wall time (the machine is shared, so CPU time is the fairer figure).
// Run: node --import tsx bench/estimate/speed.ts
// Reads ../shared/data/mse when present (falls back to the test fixtures).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { dgaPosterior } from '../../src/core/estimate/dga.js';
import { estimateLoglinear } from '../../src/core/estimate/estimate-loglinear.js';
import { runLcmcr } from '../../src/core/estimate/lcmcr.js';
import { rankLoglinearModels } from '../../src/core/estimate/loglinear.js';
import { summarizeDraws } from '../../src/core/estimate/mcmc-diagnostics.js';
import { patternTableFromRows, type PatternTable } from '../../src/core/estimate/pattern-table.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/mse/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../src/core/estimate/fixtures/', import.meta.url));

function load(shared: string, fixture: string): PatternTable {
  const path = existsSync(SHARED + shared) ? SHARED + shared : FIXTURES + fixture;
  const lines = readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  return patternTableFromRows(lines[0] ?? [], lines.slice(1));
}

function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const s = (x: number): string => x.toFixed(3);
console.log(
  `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

const kosovo = load('lcmcr/kosovo_aggregate_patterns.csv', 'kosovo_aggregate_patterns.csv');
const my5 = load('dga/madigan_york_5list.csv', 'madigan_york_5list.csv');
const western = load('sparsemse/Western.csv', 'Western.csv');

rankLoglinearModels(my5, { maxOrder: 2 }); // warm up the JIT
for (const [name, table] of [
  ['Madigan-York 5 lists', my5],
  ['Western 5 lists', western],
] as const) {
  const two = timed(() => rankLoglinearModels(table, { maxOrder: 2 }));
  const three = timed(() => rankLoglinearModels(table, { maxOrder: 3 }));
  console.log(
    `loglinear ${name}: ${two.value.length} two-way models fitted and ranked in ${s(two.cpu)} s CPU (${s(two.wall)} s wall); ${three.value.length} models up to three-way in ${s(three.cpu)} s CPU (${s(three.wall)} s wall)`,
  );
}
const kll = timed(() => estimateLoglinear(kosovo));
console.log(
  `loglinear Kosovo: rank ${String(kll.value.details?.modelsFitted)} models + profile CI in ${s(kll.cpu)} s CPU (${s(kll.wall)} s wall): ${kll.value.estimate.toFixed(1)} (${kll.value.lower.toFixed(1)}–${kll.value.upper.toFixed(1)})`,
);

for (const seed of [12345, 2016, 1]) {
  const r = timed(() => runLcmcr(kosovo, { seed }));
  const p = summarizeDraws(r.value.draws);
  console.log(
    `LCMCR Kosovo seed ${seed}: ${r.value.iterations} iterations in ${s(r.cpu)} s CPU (${s(r.wall)} s wall); median ${p.median}, 95% ${p.lower.toFixed(0)}–${p.upper.toFixed(0)}, mean ${p.mean.toFixed(0)}, sd ${p.sd.toFixed(0)}, ESS ${p.ess.toFixed(0)}`,
  );
}
if (process.env.LONG) {
  for (const seed of [12345, 777]) {
    const r = timed(() => runLcmcr(kosovo, { seed, burnIn: 100_000, samples: 10_000, thin: 100 }));
    const p = summarizeDraws(r.value.draws);
    console.log(
      `LCMCR Kosovo long run seed ${seed} (burn-in 1e5, 1e4 draws, thin 100): ${s(r.cpu)} s CPU; median ${p.median}, 95% ${p.lower.toFixed(0)}–${p.upper.toFixed(0)}, mean ${p.mean.toFixed(0)}, sd ${p.sd.toFixed(0)}, ESS ${p.ess.toFixed(0)}`,
    );
  }
}
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const d5 = timed(() => dgaPosterior(my5, { delta: 0.5, nMissing: range(1, 300) }));
console.log(
  `dga Madigan-York 5 lists (822 graphs × 300 values): ${s(d5.cpu)} s CPU; mean ${d5.value.mean.toFixed(1)}, median ${d5.value.median}, 95% ${d5.value.lower}–${d5.value.upper}`,
);
const dk = timed(() => dgaPosterior(kosovo, { delta: 1 / 16, nMissing: range(0, 22000) }));
console.log(
  `dga Kosovo (61 graphs × 22,001 values): ${s(dk.cpu)} s CPU; mean ${dk.value.mean.toFixed(1)}, median ${dk.value.median}, 95% ${dk.value.lower}–${dk.value.upper}`,
);
