// Simulation: populations of known size whose members fall in latent visibility classes;
// each method's bias and 95%-interval coverage over replicates.
// Run: node --import tsx bench/estimate/simulation.ts   (REPS=100 by default)
import os from 'node:os';
import { estimateDga } from '../../src/core/estimate/estimate-dga.js';
import { estimateLcmcr } from '../../src/core/estimate/estimate-lcmcr.js';
import { estimateLoglinear } from '../../src/core/estimate/estimate-loglinear.js';
import type { EstimateResult } from '../../src/core/estimate/estimate.schemas.js';
import { fitLoglinear, classicSpec } from '../../src/core/estimate/loglinear.js';
import type { PatternTable } from '../../src/core/estimate/pattern-table.js';
import { profileInterval } from '../../src/core/estimate/profile-ci.js';
import { Rng } from '../../src/core/estimate/rng.js';

interface Scenario {
  name: string;
  N: number;
  classes: { share: number; p: number[] }[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'five lists, two latent visibility classes (60% seldom seen, 40% often seen), lists independent within class',
    N: 2000,
    classes: [
      { share: 0.6, p: [0.15, 0.2, 0.15, 0.25, 0.2] },
      { share: 0.4, p: [0.5, 0.6, 0.45, 0.55, 0.5] },
    ],
  },
  {
    name: 'four lists, a nearly invisible class (60% seen with p ≈ 0.1 per list, 40% often seen): the hard case',
    N: 2000,
    classes: [
      { share: 0.6, p: [0.08, 0.12, 0.1, 0.06] },
      { share: 0.4, p: [0.45, 0.55, 0.4, 0.35] },
    ],
  },
  {
    name: 'one class: everyone equally visible, lists independent (control)',
    N: 2000,
    classes: [{ share: 1, p: [0.2, 0.25, 0.15, 0.3] }],
  },
];

function simulate(s: Scenario, rng: Rng): PatternTable {
  const t = s.classes[0]?.p.length ?? 0;
  const cells = new Array<number>(1 << t).fill(0);
  for (let i = 0; i < s.N; i++) {
    let u = rng.uniform();
    const cls = s.classes.find((c) => (u -= c.share) < 0) ?? s.classes[s.classes.length - 1];
    let mask = 0;
    cls?.p.forEach((p, j) => {
      if (rng.uniform() < p) mask |= 1 << j;
    });
    if (mask) cells[mask] = (cells[mask] ?? 0) + 1;
  }
  return { lists: Array.from({ length: t }, (_, j) => `L${j + 1}`), cells };
}

function independence(table: PatternTable): EstimateResult {
  const spec = classicSpec(table.lists.length, 'Mt');
  const fit = fitLoglinear(table, spec);
  const ci = profileInterval(table, spec, fit.abundance);
  return {
    method: 'loglinear',
    estimate: fit.abundance,
    lower: ci.lower,
    upper: ci.upper,
    level: 0.95,
    model: 'Mt',
    assumptions: [],
    warnings: [],
    inputs: { lists: table.lists, observed: 0 },
  };
}

const METHODS: [string, (t: PatternTable, rep: number) => EstimateResult][] = [
  ['log-linear, independence (Mt)', independence],
  ['log-linear, best BIC (up to 3-way)', (t) => estimateLoglinear(t)],
  ['log-linear, best BIC + Darroch heterogeneity', (t) => estimateLoglinear(t, { heterogeneity: 'Darroch' })],
  ['dga (BMA over decomposable graphs, delta 2^-p)', (t) => estimateDga(t)],
  [
    'LCMCR (K=10; burn-in 5,000, 1,000 draws, thin 10)',
    (t, rep) => estimateLcmcr(t, { seed: rep + 1, burnIn: 5000, samples: 1000, thin: 10 }),
  ],
];

const REPS = Number(process.env.REPS ?? 100);
console.log(
  `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, node ${process.version}; ${REPS} replicates per scenario`,
);
for (const [si, scenario] of SCENARIOS.entries()) {
  const rng = new Rng(1000 + si);
  const tables = Array.from({ length: REPS }, () => simulate(scenario, rng));
  const observed = tables.reduce((s, t) => s + t.cells.reduce((a, c) => a + c, 0), 0) / REPS;
  console.log(
    `\n### ${scenario.name}\n\nTrue N = ${scenario.N}; mean observed n = ${observed.toFixed(0)}.\n`,
  );
  console.log(
    '| method | mean estimate | relative bias | RMSE | 95% coverage | median interval width | failures | CPU s / replicate |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, run] of METHODS) {
    const est: number[] = [];
    const widths: number[] = [];
    let covered = 0;
    let failures = 0;
    const c0 = process.cpuUsage();
    tables.forEach((table, rep) => {
      try {
        const r = run(table, rep);
        est.push(r.estimate);
        widths.push(r.upper - r.lower);
        if (r.lower <= scenario.N && scenario.N <= r.upper) covered++;
      } catch {
        failures++;
      }
    });
    const cpu = process.cpuUsage(c0);
    const mean = est.reduce((a, b) => a + b, 0) / Math.max(1, est.length);
    const rmse = Math.sqrt(est.reduce((a, b) => a + (b - scenario.N) ** 2, 0) / Math.max(1, est.length));
    widths.sort((a, b) => a - b);
    const medianWidth = widths[Math.floor(widths.length / 2)] ?? Number.NaN;
    console.log(
      `| ${name} | ${mean.toFixed(0)} | ${(((mean - scenario.N) / scenario.N) * 100).toFixed(1)}% | ${rmse.toFixed(0)} | ${((covered / Math.max(1, est.length)) * 100).toFixed(0)}% | ${medianWidth.toFixed(0)} | ${failures} | ${((cpu.user + cpu.system) / 1e6 / REPS).toFixed(3)} |`,
    );
  }
}
