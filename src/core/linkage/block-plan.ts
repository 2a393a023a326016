import { blockKeys, groupByKey } from './blocking.js';
import type { Dataset } from './dataset.js';

/** One blocking rule's blocks that are paired (2..maxBlockSize records), in key order: `order[starts[b]..starts[b+1]]`. */
export interface RuleBlocks {
  order: Int32Array;
  starts: Int32Array;
}

/**
 * Blocking rules resolved to blocks, without listing pairs: pairs are enumerated block by block (in the order
 * `candidatePairs` lists them) by whoever scores them, so the candidate pairs never sit in memory together.
 */
export interface BlockPlan {
  rules: RuleBlocks[];
  /** Per rule, per record: the key of the record's block when that block is paired, else -1 (dedupe across rules). */
  paired: Int32Array[];
  /** Blocks skipped because they exceeded maxBlockSize: [rule index, block size]. */
  oversized: [number, number][];
}

/** A slice of work: blocks `from..to` (exclusive) of one rule. */
export interface BlockTask {
  rule: number;
  from: number;
  to: number;
}

/** Typed-array factory: plain memory by default, shared memory when the plan goes to worker threads. */
export type AllocInt32 = (length: number) => Int32Array;

const plainInt32: AllocInt32 = (n) => new Int32Array(n);

/** Resolves blocking rules to paired blocks (same blocks and order as `candidatePairs`). */
export function planBlocking(ds: Dataset, rules: readonly (readonly string[])[], maxBlockSize: number, alloc: AllocInt32 = plainInt32): BlockPlan {
  const oversized: [number, number][] = [];
  const plan: BlockPlan = { rules: [], paired: [], oversized };
  rules.forEach((rule, r) => {
    const bk = blockKeys(ds, rule);
    const { order, starts } = groupByKey(bk);
    let blocks = 0;
    let members = 0;
    for (let k = 0; k < bk.count; k++) {
      const n = (starts[k + 1] ?? 0) - (starts[k] ?? 0);
      if (n > maxBlockSize) oversized.push([r, n]);
      else if (n >= 2) {
        blocks++;
        members += n;
      }
    }
    const outOrder = alloc(members);
    const outStarts = alloc(blocks + 1);
    const paired = alloc(ds.size).fill(-1);
    let b = 0;
    let pos = 0;
    for (let k = 0; k < bk.count; k++) {
      const s = starts[k] ?? 0;
      const e = starts[k + 1] ?? 0;
      if (e - s < 2 || e - s > maxBlockSize) continue;
      for (let x = s; x < e; x++) {
        const i = order[x] ?? 0;
        outOrder[pos++] = i;
        paired[i] = k;
      }
      outStarts[++b] = pos;
    }
    plan.rules.push({ order: outOrder, starts: outStarts });
    plan.paired.push(paired);
  });
  return plan;
}

/** Splits the plan into tasks of about `pairsPerTask` pairs each (a block is never split), in pair order. */
export function planTasks(plan: BlockPlan, pairsPerTask: number): BlockTask[] {
  const tasks: BlockTask[] = [];
  plan.rules.forEach(({ starts }, rule) => {
    const blocks = starts.length - 1;
    let from = 0;
    let load = 0;
    for (let b = 0; b < blocks; b++) {
      const n = (starts[b + 1] ?? 0) - (starts[b] ?? 0);
      load += (n * (n - 1)) / 2;
      if (load >= pairsPerTask) {
        tasks.push({ rule, from, to: b + 1 });
        from = b + 1;
        load = 0;
      }
    }
    if (from < blocks) tasks.push({ rule, from, to: blocks });
  });
  return tasks;
}
