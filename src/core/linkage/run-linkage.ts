import { planBlocking, planTasks, type BlockPlan } from './block-plan.js';
import type { BlockingResult } from './blocking.js';
import { buildDataset, checkSettingsReferences, type Dataset, type RawRow } from './dataset.js';
import { clusterPairs } from './cluster.js';
import { pairScorer } from './pair-scorer.js';
import { pairWeights } from './pair-weights.js';
import { scoreContext, scoreTask } from './score-kernel.js';
import { weightOf } from './score.js';
import { mergeChunks, type ScoredPairs } from './scored-pairs.js';
import type { LinkageModel, LinkageSettings } from './settings.schemas.js';
import { trainModel, type ProgressFn } from './train.js';

/** Everything a linkage run produces: the model, scored candidate pairs, and a cluster per record. */
export interface LinkageRun {
  model: LinkageModel;
  dataset: Dataset;
  /** The kept pairs (every candidate pair unless `keepFrom` was given), per-rule counts and skipped blocks. */
  blocking: BlockingResult;
  levels: Int8Array[];
  weight: Float64Array;
  /** Candidate pairs scored in all, kept or not. */
  candidates: number;
  /** For each record, the index of the first record of its cluster. */
  clusters: Int32Array;
}

export interface RunOptions {
  progress?: ProgressFn;
  /** Use this model instead of training one. */
  model?: LinkageModel;
  /** Overrides the settings' threshold. */
  threshold?: number;
  /**
   * Keep only pairs scoring at least this match probability (the others are counted, not kept): the run then
   * holds the pairs that matter instead of every candidate. Must not exceed the threshold. Default: keep all.
   */
  keepFrom?: number;
}

/** Pairs per unit of scoring work (a block is never split). */
export const TASK_PAIRS = 2_000_000;

/** Checks the settings and encodes the rows (first step of every run). */
export function prepareDataset(settings: LinkageSettings, rows: readonly RawRow[], rowsB: readonly RawRow[] | undefined, progress: ProgressFn): Dataset {
  checkSettingsReferences(settings);
  const t0 = Date.now();
  const dataset = buildDataset(settings, rows, rowsB);
  progress(`prepared ${dataset.size} records in ${Date.now() - t0} ms`);
  return dataset;
}

/** The weight below which pairs are not kept (-Infinity: keep all). */
export function keepWeightOf(settings: LinkageSettings, options: RunOptions): number {
  if (options.keepFrom === undefined) return -Infinity;
  const threshold = options.threshold ?? settings.threshold;
  if (options.keepFrom > threshold) throw new Error(`keepFrom (${options.keepFrom}) must not exceed the link threshold (${threshold})`);
  return weightOf(options.keepFrom);
}

/** Reports skipped blocks of a blocking plan. */
export function reportPlan(plan: BlockPlan, progress: ProgressFn): void {
  for (const [r, n] of plan.oversized.slice(0, 5)) progress(`warning: skipped a block of ${n} records (rule ${r + 1}); raise maxBlockSize or refine the rule`);
}

/** Clusters scored pairs into the run's result (last step of every run). */
export function finishRun(settings: LinkageSettings, model: LinkageModel, dataset: Dataset, scored: ScoredPairs, options: RunOptions): LinkageRun {
  const progress = options.progress ?? (() => undefined);
  const threshold = options.threshold ?? settings.threshold;
  const clusters = clusterPairs(dataset.size, scored.blocking.pairs, scored.weight, weightOf(threshold), settings.minCohesion, {
    score: pairScorer(model, dataset),
    cannotLinkWeight: settings.cannotLinkBelow === undefined ? -Infinity : weightOf(settings.cannotLinkBelow),
  });
  progress('clustered');
  return { model, dataset, blocking: scored.blocking, levels: scored.levels, weight: scored.weight, candidates: scored.candidates, clusters };
}

/** Dedupes `rows` (or links them to `rowsB`) in this thread: prepares, trains, blocks and scores block by block, clusters. */
export function runLinkage(settings: LinkageSettings, rows: readonly RawRow[], rowsB: readonly RawRow[] | undefined, options: RunOptions = {}): LinkageRun {
  return linkDataset(settings, prepareDataset(settings, rows, rowsB, options.progress ?? (() => undefined)), options);
}

/** `runLinkage` on an encoded dataset (see `prepareDataset`). */
export function linkDataset(settings: LinkageSettings, dataset: Dataset, options: RunOptions = {}): LinkageRun {
  const progress = options.progress ?? (() => undefined);
  const keepWeight = keepWeightOf(settings, options);
  const model = options.model ?? trainModel(settings, dataset, progress);
  const plan = planBlocking(dataset, settings.blocking, settings.maxBlockSize);
  reportPlan(plan, progress);
  const t1 = Date.now();
  const ctx = scoreContext(model.settings.comparisons, dataset, plan, pairWeights(model, dataset), keepWeight);
  let last = t1;
  let done = 0;
  const chunks = planTasks(plan, TASK_PAIRS).map((task) => {
    const chunk = scoreTask(ctx, task);
    done += chunk.candidates;
    if (Date.now() - last > 10_000) {
      last = Date.now();
      progress(`scored ${done} candidate pairs`);
    }
    return chunk;
  });
  const scored = mergeChunks(chunks, model.settings.comparisons.length, plan);
  progress(`${scored.candidates} candidate pairs (${scored.blocking.perRule.join(' + ')} by rule) scored in ${Date.now() - t1} ms`);
  return finishRun(settings, model, dataset, scored, options);
}
