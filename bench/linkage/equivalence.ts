import { candidatePairs } from '../../src/core/linkage/blocking.js';
import { buildDataset } from '../../src/core/linkage/dataset.js';
import { prepareRows } from '../../src/core/linkage/prepare.js';
import { finishRun, runLinkage, type LinkageRun } from '../../src/core/linkage/run-linkage.js';
import { scorePairs, weightOf } from '../../src/core/linkage/score.js';
import { trainModel } from '../../src/core/linkage/train.js';
import { generateRegister } from '../../src/core/synth/generate.js';
import { linkDatasetParallel } from '../../src/services/linkage/parallel-linkage.js';
import { loadSettings } from '../../src/services/linkage/link-files.service.js';

// Usage: node --import tsx bench/linkage/equivalence.ts [--persons 20000] [--seed 7] [--workers 2]
// Scores a synthetic register three ways and checks they agree pair for pair and record for record:
// the reference path (every candidate pair listed, then scored: candidatePairs + scorePairs, then clustered),
// the streaming run in this thread (runLinkage), and the worker-thread run (linkDatasetParallel).
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const persons = option('--persons', 20_000);
const seed = option('--seed', 7);
const workers = option('--workers', 2);
const settings = await loadSettings();
const { records } = generateRegister({ persons, seed });
const rows = prepareRows(settings, records);
const time = <T>(label: string, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  process.stderr.write(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return out;
};

const ds = buildDataset(settings, rows);
const model = time('train', () => trainModel(settings, ds));
const ref = time('reference (list all pairs, then score)', () => {
  const blocking = candidatePairs(ds, settings.blocking, settings.maxBlockSize);
  const { levels, weight } = scorePairs(model, ds, blocking.pairs);
  // The run's own clustering step, on the pairs listed and scored the reference way.
  return finishRun(settings, model, ds, { blocking, levels, weight, candidates: blocking.pairs.length }, {});
});
const streamed = time('streaming, this thread', () => runLinkage(settings, rows, undefined, { model }));
const kept = time('streaming, keep from p = 0.01', () => runLinkage(settings, rows, undefined, { model, keepFrom: 0.01 }));
const t0 = performance.now();
const parallel = await linkDatasetParallel(settings, buildDataset(settings, rows), { model, workers });
process.stderr.write(`worker threads (${workers}): ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

function same(name: string, run: Pick<LinkageRun, 'blocking' | 'levels' | 'weight' | 'clusters'>, keepWeight = -Infinity): void {
  const problems: string[] = [];
  const { pairs } = ref.blocking;
  let k2 = 0;
  for (let k = 0; k < pairs.length; k++) {
    const w = ref.weight[k] ?? NaN;
    if (!(w >= keepWeight)) continue;
    if (run.blocking.pairs.a[k2] !== pairs.a[k] || run.blocking.pairs.b[k2] !== pairs.b[k]) problems.push(`pair ${k}`);
    else if (!Object.is(run.weight[k2], w)) problems.push(`weight of pair ${k}: ${run.weight[k2]} vs ${w}`);
    else if (ref.levels.some((l, c) => l[k] !== run.levels[c]?.[k2])) problems.push(`levels of pair ${k}`);
    k2++;
    if (problems.length > 5) break;
  }
  if (k2 !== run.blocking.pairs.length) problems.push(`${run.blocking.pairs.length} pairs vs ${k2}`);
  if (run.blocking.perRule.join() !== ref.blocking.perRule.join()) problems.push(`per rule ${run.blocking.perRule.join()} vs ${ref.blocking.perRule.join()}`);
  if (ref.clusters.some((c, i) => run.clusters[i] !== c)) problems.push('clusters differ');
  console.log(JSON.stringify({ run: name, pairs: run.blocking.pairs.length, identical: problems.length === 0, problems }));
}
console.log(JSON.stringify({ persons, seed, records: ds.size, candidatePairs: ref.blocking.pairs.length }));
same('streaming', streamed);
same('streaming, kept from p = 0.01', kept, weightOf(0.01));
same(`worker threads (${workers})`, parallel);
