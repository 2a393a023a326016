import type { BlockPlan, BlockTask } from './block-plan.js';
import type { Dataset } from './dataset.js';
import { LevelMemo } from './level-memo.js';
import type { PairWeights } from './pair-weights.js';
import type { ComparisonSettings } from './settings.schemas.js';

/** Scored pairs of one task that reached the keep floor, with how many candidate pairs the task had in all. */
export interface ScoredChunk {
  rule: number;
  candidates: number;
  length: number;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  /** Levels, `comparisons` per pair, pair after pair. */
  levels: Int8Array;
}

/** Everything one thread needs to enumerate and score a plan's pairs. */
export interface ScoreContext {
  plan: BlockPlan;
  source: Uint8Array;
  linkMode: boolean;
  memos: LevelMemo[];
  weights: PairWeights;
  tfIds: (Int32Array | null)[];
  jointIds: (Int32Array | null)[];
  /** Pairs below this weight are counted but not kept; -Infinity keeps every pair. */
  keepWeight: number;
}

/** Builds a scoring context (memoised comparators, per-record ids of the weight tables). */
export function scoreContext(
  comparisons: readonly ComparisonSettings[],
  ds: Dataset,
  plan: BlockPlan,
  weights: PairWeights,
  keepWeight: number,
  signatures?: readonly ({ sig: Int32Array; count: number } | null)[],
): ScoreContext {
  return {
    plan,
    source: ds.source,
    linkMode: ds.linkMode,
    memos: comparisons.map((c, ci) => new LevelMemo(c, ds, signatures?.[ci])),
    weights,
    tfIds: weights.tf.map((t) => (t.bits.length > 0 ? (ds.columns.get(t.column)?.ids ?? null) : null)),
    jointIds: weights.joint.map((g) => ds.columns.get(g.column)?.ids ?? null),
    keepWeight,
  };
}

class ChunkBuilder {
  length = 0;
  a = new Int32Array(256);
  b = new Int32Array(256);
  weight = new Float64Array(256);
  levels: Int8Array;

  constructor(private readonly width: number) {
    this.levels = new Int8Array(256 * width);
  }

  push(i: number, j: number, w: number, lv: Int8Array): void {
    if (this.length === this.a.length) this.grow();
    const k = this.length++;
    this.a[k] = i;
    this.b[k] = j;
    this.weight[k] = w;
    this.levels.set(lv, k * this.width);
  }

  private grow(): void {
    const n = this.a.length * 2;
    const a = new Int32Array(n);
    a.set(this.a);
    this.a = a;
    const b = new Int32Array(n);
    b.set(this.b);
    this.b = b;
    const weight = new Float64Array(n);
    weight.set(this.weight);
    this.weight = weight;
    const levels = new Int8Array(n * this.width);
    levels.set(this.levels);
    this.levels = levels;
  }

  done(rule: number, candidates: number): ScoredChunk {
    const n = this.length;
    return { rule, candidates, length: n, a: this.a.slice(0, n), b: this.b.slice(0, n), weight: this.weight.slice(0, n), levels: this.levels.slice(0, n * this.width) };
  }
}

/**
 * The match weight of a pair from its levels, exactly as `scorePairs` sums it: prior, Bayes factors in
 * comparison order, then joint adjustments, then the remaining term-frequency adjustments.
 */
function pairWeight(ctx: ScoreContext, i: number, lv: Int8Array): number {
  const { prior, bf, hasTf, tfLevel, tfOn, tf, joint } = ctx.weights;
  let w = prior;
  for (let c = 0; c < lv.length; c++) {
    const l = lv[c] ?? -1;
    if (l >= 0) w += bf[c]?.[l] ?? 0;
  }
  if (!hasTf) return w;
  let consumed = 0;
  for (let g = 0; g < joint.length; g++) {
    const group = joint[g];
    if (!group) continue;
    let all = true;
    for (const c of group.comparisons) {
      const l = lv[c] ?? -1;
      if (!(c >= 0 && (consumed & (1 << c)) === 0 && l === tfLevel[c] && l >= 0)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    const id = ctx.jointIds[g]?.[i] ?? -1;
    if (id < 0) continue;
    w += group.bits?.[id] ?? 0;
    for (const c of group.comparisons) consumed |= 1 << c;
  }
  for (let c = 0; c < lv.length; c++) {
    const l = lv[c] ?? -1;
    if (tfOn[c] !== 1 || (consumed & (1 << c)) !== 0 || l !== tfLevel[c] || l < 0) continue;
    w += tf[c]?.bits[(ctx.tfIds[c]?.[i] ?? -1) + 1] ?? 0;
  }
  return w;
}

/**
 * Enumerates a task's pairs in `candidatePairs` order (each pair once across rules: a pair an earlier rule's
 * paired block already holds is skipped), scores each, and keeps those at or above the keep floor.
 */
export function scoreTask(ctx: ScoreContext, task: BlockTask): ScoredChunk {
  const { plan, source, linkMode, memos } = ctx;
  const rule = plan.rules[task.rule];
  const C = memos.length;
  const out = new ChunkBuilder(C);
  const lv = new Int8Array(C);
  const keepAll = ctx.keepWeight === -Infinity;
  const earlier = plan.paired.slice(0, task.rule);
  const R = earlier.length;
  let gathered = new Int32Array(0);
  let sigs = new Int32Array(0);
  let candidates = 0;
  if (!rule) return out.done(task.rule, 0);
  const { order, starts } = rule;
  for (let blk = task.from; blk < task.to; blk++) {
    const s = starts[blk] ?? 0;
    const n = (starts[blk + 1] ?? 0) - s;
    // Earlier rules' keys of this block's records, side by side; a record outside an earlier rule's paired
    // blocks gets a key no other record has.
    if (gathered.length < n * R) gathered = new Int32Array(n * R);
    if (sigs.length < n * C) sigs = new Int32Array(n * C);
    for (let x = 0; x < n; x++) {
      const i = order[s + x] ?? 0;
      for (let d = 0; d < R; d++) {
        const k = earlier[d]?.[i] ?? -1;
        gathered[x * R + d] = k === -1 ? -1 - x : k;
      }
      // Signatures side by side too: the pair loop then reads them from a small local array.
      for (let c = 0; c < C; c++) sigs[x * C + c] = memos[c]?.signature(i) ?? -1;
    }
    for (let x = 0; x < n; x++) {
      const i = order[s + x] ?? 0;
      for (let y = x + 1; y < n; y++) {
        const j = order[s + y] ?? 0;
        if (linkMode && source[i] === source[j]) continue;
        let seen = false;
        for (let d = 0; d < R; d++) {
          if (gathered[x * R + d] === gathered[y * R + d]) {
            seen = true;
            break;
          }
        }
        if (seen) continue;
        candidates++;
        for (let c = 0; c < C; c++) lv[c] = memos[c]?.levelOf(i, j, sigs[x * C + c] ?? 0, sigs[y * C + c] ?? 0) ?? -1;
        const w = pairWeight(ctx, i, lv);
        if (keepAll || w >= ctx.keepWeight) out.push(i, j, w, lv);
      }
    }
  }
  return out.done(task.rule, candidates);
}
