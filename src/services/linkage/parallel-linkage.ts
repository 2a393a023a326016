import { availableParallelism } from 'node:os';
import { planBlocking, planTasks } from '../../core/linkage/block-plan.js';
import type { Dataset } from '../../core/linkage/dataset.js';
import { memoSignatures } from '../../core/linkage/level-memo.js';
import { pairWeights } from '../../core/linkage/pair-weights.js';
import { finishRun, keepWeightOf, linkDataset, reportPlan, TASK_PAIRS, type LinkageRun, type RunOptions } from '../../core/linkage/run-linkage.js';
import type { ScoredChunk } from '../../core/linkage/score-kernel.js';
import { mergeChunks } from '../../core/linkage/scored-pairs.js';
import type { LinkageSettings } from '../../core/linkage/settings.schemas.js';
import { trainModelParallel } from './parallel-train.js';
import { shared, sharedInt32 } from './shared-memory.js';
import { WorkerPool } from './worker-pool.js';
import { datasetMessage, type WorkerRequest } from './worker-protocol.js';

export interface ParallelRunOptions extends RunOptions {
  /** Worker threads; default: one per core from MIN_RECORDS records on; 0 or 1 runs in this thread. */
  workers?: number;
  /** Workers already started (e.g. to read the files); used instead of starting new ones, and left running. */
  pool?: WorkerPool;
}

/** Below this many records a run stays in this thread (starting workers would cost more than it saves). */
const MIN_RECORDS = 20_000;
/** Files below this many bytes in all are read in this thread (about MIN_RECORDS record CSV rows). */
const MIN_BYTES = 4_000_000;

/** Worker threads a run of `records` records (or files of `bytes` bytes) would use by default. */
export function defaultWorkers(records: number, bytes = Infinity): number {
  return records < MIN_RECORDS || bytes < MIN_BYTES ? 1 : Math.min(availableParallelism(), 8);
}

/**
 * `linkDataset` with the candidate pairs scored on worker threads: the encoded dataset and the blocking plan go
 * to the workers in shared memory, the pair space is split into tasks of whole blocks, and the results are
 * joined in task order, so pairs, weights, levels and clusters are exactly those of `linkDataset` (`runLinkage`).
 */
export async function linkDatasetParallel(settings: LinkageSettings, dataset: Dataset, options: ParallelRunOptions = {}): Promise<LinkageRun> {
  const workers = options.pool?.size ?? options.workers ?? defaultWorkers(dataset.size);
  if (workers <= 1) return linkDataset(settings, dataset, options);
  const progress = options.progress ?? (() => undefined);
  const pool = options.pool ?? new WorkerPool(workers);
  try {
    const keepWeight = keepWeightOf(settings, options);
    await pool.broadcast({ type: 'dataset', comparisons: settings.comparisons, dataset: datasetMessage(dataset) });
    const model = options.model ?? (await trainModelParallel(pool, settings, dataset, progress));
    const comparisons = model.settings.comparisons;
    const plan = planBlocking(dataset, settings.blocking, settings.maxBlockSize, sharedInt32);
    reportPlan(plan, progress);
    const t1 = Date.now();
    const signatures = comparisons.map((c) => {
      const s = memoSignatures(c, dataset);
      return s ? { sig: shared(s.sig), count: s.count } : null;
    });
    await pool.broadcast({
      type: 'plan',
      comparisons,
      plan,
      weights: pairWeights(model, dataset),
      keepWeight,
      signatures,
    });
    const tasks = planTasks(plan, TASK_PAIRS);
    let done = 0;
    let last = Date.now();
    const chunks = await pool.map<ScoredChunk>(
      tasks.map((task): WorkerRequest => ({ type: 'score', task })),
      (chunk) => {
        done += chunk.candidates;
        if (Date.now() - last > 10_000) {
          last = Date.now();
          progress(`scored ${done} candidate pairs`);
        }
      },
    );
    const scored = mergeChunks(chunks, comparisons.length, plan);
    progress(`${scored.candidates} candidate pairs (${scored.blocking.perRule.join(' + ')} by rule) scored in ${Date.now() - t1} ms on ${pool.size} worker threads`);
    return finishRun(settings, model, dataset, scored, options);
  } finally {
    if (!options.pool) await pool.close();
  }
}
