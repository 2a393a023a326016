import type { BlockingResult } from './blocking.js';
import type { BlockPlan } from './block-plan.js';
import type { ScoredChunk } from './score-kernel.js';

/** Scored pairs of a whole run, in candidate order: the kept pairs with their levels and weights. */
export interface ScoredPairs {
  blocking: BlockingResult;
  levels: Int8Array[];
  weight: Float64Array;
  /** Candidate pairs scored in all (kept or not). */
  candidates: number;
}

/** Joins task results (given in task order) into one list, per-comparison level arrays and per-rule counts. */
export function mergeChunks(chunks: readonly ScoredChunk[], comparisons: number, plan: BlockPlan): ScoredPairs {
  let total = 0;
  let candidates = 0;
  const perRule = plan.rules.map(() => 0);
  for (const ch of chunks) {
    total += ch.length;
    candidates += ch.candidates;
    perRule[ch.rule] = (perRule[ch.rule] ?? 0) + ch.candidates;
  }
  const a = new Int32Array(total);
  const b = new Int32Array(total);
  const weight = new Float64Array(total);
  const levels = Array.from({ length: comparisons }, () => new Int8Array(total));
  let at = 0;
  for (const ch of chunks) {
    a.set(ch.a, at);
    b.set(ch.b, at);
    weight.set(ch.weight, at);
    for (let k = 0; k < ch.length; k++) {
      const base = k * comparisons;
      for (let c = 0; c < comparisons; c++) {
        const col = levels[c];
        if (col) col[at + k] = ch.levels[base + c] ?? -1;
      }
    }
    at += ch.length;
  }
  return { blocking: { pairs: { a, b, length: total }, perRule, oversized: plan.oversized }, levels, weight, candidates };
}
