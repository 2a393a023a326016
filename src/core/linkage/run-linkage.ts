import { candidatePairs, type BlockingResult } from './blocking.js';
import { buildDataset, checkSettingsReferences, type Dataset, type RawRow } from './dataset.js';
import { clusterPairs } from './cluster.js';
import { scorePairs, weightOf } from './score.js';
import type { LinkageModel, LinkageSettings } from './settings.schemas.js';
import { trainModel, type ProgressFn } from './train.js';

/** Everything a linkage run produces: the model, candidate pairs with weights, and a cluster per record. */
export interface LinkageRun {
  model: LinkageModel;
  dataset: Dataset;
  blocking: BlockingResult;
  levels: Int8Array[];
  weight: Float64Array;
  /** For each record, the index of the first record of its cluster. */
  clusters: Int32Array;
}

export interface RunOptions {
  progress?: ProgressFn;
  /** Use this model instead of training one. */
  model?: LinkageModel;
  /** Overrides the settings' threshold. */
  threshold?: number;
}

/** Dedupes `rows` (or links them to `rowsB`): prepares, blocks, trains, scores and clusters. */
export function runLinkage(settings: LinkageSettings, rows: readonly RawRow[], rowsB: readonly RawRow[] | undefined, options: RunOptions = {}): LinkageRun {
  const progress = options.progress ?? (() => undefined);
  checkSettingsReferences(settings);
  const t0 = Date.now();
  const dataset = buildDataset(settings, rows, rowsB);
  progress(`prepared ${dataset.size} records in ${Date.now() - t0} ms`);
  const blocking = candidatePairs(dataset, settings.blocking, settings.maxBlockSize);
  for (const [r, n] of blocking.oversized.slice(0, 5)) progress(`warning: skipped a block of ${n} records (rule ${r + 1}); raise maxBlockSize or refine the rule`);
  progress(`${blocking.pairs.length} candidate pairs (${blocking.perRule.join(' + ')} by rule)`);
  const model = options.model ?? trainModel(settings, dataset, progress);
  const t1 = Date.now();
  const { levels, weight } = scorePairs(model, dataset, blocking.pairs);
  progress(`scored ${blocking.pairs.length} pairs in ${Date.now() - t1} ms`);
  const threshold = options.threshold ?? settings.threshold;
  const clusters = clusterPairs(dataset.size, blocking.pairs, weight, weightOf(threshold), settings.minCohesion);
  progress('clustered');
  return { model, dataset, blocking, levels, weight, clusters };
}
