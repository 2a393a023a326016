import type { RawRow } from '../../src/core/linkage/dataset.js';
import { bCubed, bestThreshold, pairwiseAtWeight, pairwiseOfClusters, truePairCount } from '../../src/core/linkage/metrics.js';
import { runLinkage } from '../../src/core/linkage/run-linkage.js';
import { probability, weightOf } from '../../src/core/linkage/score.js';
import type { LinkageSettings } from '../../src/core/linkage/settings.schemas.js';

/** One benchmark line: accuracy and timing of a run against ground truth. */
export interface BenchResult {
  name: string;
  records: number;
  candidates: number;
  truePairs: number;
  blockingRecall: number;
  at05: { p: number; r: number; f1: number };
  best: { p: number; r: number; f1: number; threshold: number };
  clustered: { p: number; r: number; f1: number };
  bcubed: number;
  seconds: number;
  pairsPerSecond: number;
}

const round = (x: number): number => Math.round(x * 100000) / 100000;

/** Runs linkage and measures it against entity labels (one per record, in the same order as rows then rowsB). */
export function evaluate(name: string, settings: LinkageSettings, entity: string[], rows: RawRow[], rowsB?: RawRow[], verbose = false): BenchResult {
  const t0 = performance.now();
  const run = runLinkage(settings, rows, rowsB, { progress: verbose ? (m) => process.stderr.write(`  ${m}\n`) : () => undefined });
  const seconds = (performance.now() - t0) / 1000;
  const source = rowsB ? run.dataset.source : undefined;
  const { pairs } = run.blocking;
  let inside = 0;
  for (let k = 0; k < pairs.length; k++) if (entity[pairs.a[k] ?? 0] === entity[pairs.b[k] ?? 0]) inside++;
  const truePairs = truePairCount(entity, source);
  const at05 = pairwiseAtWeight(pairs, run.weight, weightOf(0.5), entity, source);
  const best = bestThreshold(pairs, run.weight, entity, source);
  const clustered = pairwiseOfClusters(run.clusters, entity, source);
  return {
    name,
    records: run.dataset.size,
    candidates: pairs.length,
    truePairs,
    blockingRecall: round(inside / Math.max(1, truePairs)),
    at05: { p: round(at05.precision), r: round(at05.recall), f1: round(at05.f1) },
    best: { p: round(best.result.precision), r: round(best.result.recall), f1: round(best.result.f1), threshold: round(probability(best.weight)) },
    clustered: { p: round(clustered.precision), r: round(clustered.recall), f1: round(clustered.f1) },
    bcubed: round(bCubed(run.clusters, entity).f1),
    seconds: Math.round(seconds * 100) / 100,
    pairsPerSecond: Math.round(pairs.length / seconds),
  };
}
