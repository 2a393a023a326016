import type { Dataset } from './dataset.js';
import { compileComparators } from './levels.js';
import { jointAdjustment, tfAdjustment, weightTable } from './score.js';
import type { LinkageModel } from './settings.schemas.js';

/** Match weight (bits) of any two records of a dataset, candidate pair or not. */
export type PairScorer = (i: number, j: number) => number;

/**
 * Scores single pairs on demand, with the same sum as batch scoring (prior, Bayes factors, joint then own
 * term-frequency adjustments, leave-one-out frequencies within one file). For the few pairs clustering
 * looks at that blocking never produced.
 */
export function pairScorer(model: LinkageModel, ds: Dataset): PairScorer {
  const table = weightTable(model);
  const comps = model.settings.comparisons;
  const comparators = compileComparators(comps, ds, false);
  const loo = !ds.linkMode;
  const idsOf = (column: string): Int32Array | undefined => ds.columns.get(column)?.ids;
  const freqOfId = (column: string, id: number): number => {
    const col = ds.columns.get(column);
    if (id < 0 || !col) return 0;
    return (loo ? col.otherFreq[id] : col.freq[id]) ?? 0;
  };
  const tfIds = comps.map((c) => idsOf(c.column));
  const jointIds = table.joint.map((g) => idsOf(g.column));
  const lv = new Int8Array(comps.length);
  return (i, j) => {
    let w = table.prior;
    for (let c = 0; c < comps.length; c++) {
      const l = comparators[c]?.(i, j) ?? -1;
      lv[c] = l;
      if (l >= 0) w += table.bf[c]?.[l] ?? 0;
    }
    let consumed = 0;
    table.joint.forEach((g, gi) => {
      if (!g.comparisons.every((c) => c >= 0 && (consumed & (1 << c)) === 0 && lv[c] === table.tfLevel[c] && (lv[c] ?? -1) >= 0)) return;
      const id = jointIds[gi]?.[i] ?? -1;
      if (id < 0) return;
      w += jointAdjustment(g, freqOfId(g.column, id));
      for (const c of g.comparisons) consumed |= 1 << c;
    });
    for (let c = 0; c < comps.length; c++) {
      if (table.tfOn[c] !== 1 || (consumed & (1 << c)) !== 0 || lv[c] !== table.tfLevel[c] || (lv[c] ?? -1) < 0) continue;
      w += tfAdjustment(table, c, freqOfId(comps[c]?.column ?? '', tfIds[c]?.[i] ?? -1));
    }
    return w;
  };
}
