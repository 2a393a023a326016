import type { Dataset } from './dataset.js';
import { jointAdjustment, tfAdjustment, weightTable } from './score.js';
import type { LinkageModel } from './settings.schemas.js';

/**
 * A model's weights resolved against one dataset for batch scoring: Bayes factors per level, and every
 * term-frequency and joint adjustment precomputed per value id (the same numbers `scorePairs` computes per
 * pair). Plain typed arrays, so it can be posted to worker threads.
 */
export interface PairWeights {
  prior: number;
  bf: Float64Array[];
  /** Level of each comparison that tf adjustments apply to (-1 = none). */
  tfLevel: Int32Array;
  /** Whether a comparison has its own tf adjustment. */
  tfOn: Uint8Array;
  hasTf: boolean;
  /** Per tf comparison: its column, and the adjustment by value id + 1 (index 0: no value). */
  tf: { column: string; bits: Float64Array }[];
  /** Joint groups in order: member comparisons, column, and the adjustment by value id (null: column absent). */
  joint: { comparisons: Int32Array; column: string; bits: Float64Array | null }[];
}

/** Precomputes a model's weights for a dataset (leave-one-out frequencies within one file, as `scorePairs`). */
export function pairWeights(model: LinkageModel, ds: Dataset): PairWeights {
  const table = weightTable(model);
  const comps = model.settings.comparisons;
  const loo = !ds.linkMode;
  const freqOfId = (column: string, id: number): number => {
    const col = ds.columns.get(column);
    if (id < 0 || !col) return 0;
    return (loo ? col.otherFreq[id] : col.freq[id]) ?? 0;
  };
  const tf = comps.map((c, ci) => {
    const card = ds.columns.get(c.column)?.values.length ?? 0;
    const bits = new Float64Array(table.tfOn[ci] === 1 ? card + 1 : 0);
    for (let id = -1; id < bits.length - 1; id++) bits[id + 1] = tfAdjustment(table, ci, freqOfId(c.column, id));
    return { column: c.column, bits };
  });
  const joint = table.joint.map((g) => {
    const col = ds.columns.get(g.column);
    const bits = col ? Float64Array.from(col.values, (_, id) => jointAdjustment(g, freqOfId(g.column, id))) : null;
    return { comparisons: Int32Array.from(g.comparisons), column: g.column, bits };
  });
  return { prior: table.prior, bf: table.bf, tfLevel: table.tfLevel, tfOn: table.tfOn, hasTf: table.tfLevel.some((l) => l >= 0), tf, joint };
}
