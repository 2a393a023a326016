import type { Dataset } from '../../core/linkage/dataset.js';
import { compileComparators } from '../../core/linkage/levels.js';
import type { PairList } from '../../core/linkage/pairs.js';
import type { LinkageModel, LinkageSettings } from '../../core/linkage/settings.schemas.js';
import { emMessage, emptyCounts, emSessions, estimateU, fitModel, uFromCounts, uSamplePairs, type ProgressFn } from '../../core/linkage/train.js';
import type { WorkerPool } from './worker-pool.js';

/** Cuts pairs into `parts` contiguous slices (copies, so each can be handed to a worker). */
function slices(pairs: PairList, parts: number): { a: Int32Array; b: Int32Array }[] {
  const size = Math.ceil(pairs.length / parts);
  return Array.from({ length: parts }, (_, p) => ({
    a: pairs.a.slice(p * size, Math.min(pairs.length, (p + 1) * size)),
    b: pairs.b.slice(p * size, Math.min(pairs.length, (p + 1) * size)),
  }));
}

/**
 * `trainModel` with the comparisons of its sampled pairs computed on the pool's workers (which hold the
 * dataset): the same samples, counts and levels, so the same model.
 */
export async function trainModelParallel(pool: WorkerPool, settings: LinkageSettings, ds: Dataset, progress: ProgressFn): Promise<LinkageModel> {
  progress('estimating u from random pairs');
  const sample = uSamplePairs(ds, settings);
  let u: number[][];
  if (sample === null) u = estimateU(ds, settings, compileComparators(settings.comparisons, ds, false));
  else {
    const counts = emptyCounts(settings);
    const parts = await Promise.all(slices(sample, pool.size).map((s, w) => pool.request<Float64Array[]>(w, { type: 'countLevels', ...s })));
    for (const part of parts) {
      part.forEach((row, c) => {
        const sum = counts[c];
        if (sum) row.forEach((v, l) => (sum[l] = (sum[l] ?? 0) + v));
      });
    }
    u = uFromCounts(counts);
  }
  const sessions = [];
  for (const session of emSessions(settings, ds)) {
    progress(emMessage(session));
    const parts = await Promise.all(slices(session.pairs, pool.size).map((s, w) => pool.request<Int8Array[]>(w, { type: 'levels', ...s })));
    const levels = settings.comparisons.map((_, c) => {
      const out = new Int8Array(session.pairs.length);
      let at = 0;
      for (const part of parts) {
        const l = part[c] ?? new Int8Array(0);
        out.set(l, at);
        at += l.length;
      }
      return out;
    });
    sessions.push({ ...session, levels });
  }
  return fitModel(settings, ds, u, sessions, progress);
}
