import { buildDataset, type RawRow } from './dataset.js';
import { computeLevels } from './em.js';
import { compileComparators, levelLabels } from './levels.js';
import { PairBuffer } from './pairs.js';
import { prepareRows } from './prepare.js';
import { modelFreq, pairTerms, probability, weightTable } from './score.js';
import type { LinkageModel } from './settings.schemas.js';

/** What one comparison (or a joint name-frequency adjustment) contributed to a pair's match weight. */
export interface ExplainTerm {
  comparison: string;
  /** Level index (-1 when a value is missing: the comparison then contributes nothing). */
  level: number;
  label: string;
  valueA: string | null;
  valueB: string | null;
  /** m/u of the level, before term-frequency adjustment. */
  bayesFactor: number;
  /** Bits added by the term-frequency adjustment (0 when none). */
  tfAdjustment: number;
  /** Total bits this term adds (log2 of its Bayes factor, with tf adjustment). */
  weight: number;
}

/** Waterfall data for a reviewer: the prior, each comparison's contribution, the total and the match probability. */
export interface Explanation {
  priorWeight: number;
  terms: ExplainTerm[];
  weight: number;
  probability: number;
}

/**
 * Explains the match weight of two raw records under a model (waterfall data, as Splink shows):
 * start at `priorWeight`, add each term's `weight`, read `probability`.
 */
export function explainPair(model: LinkageModel, a: RawRow, b: RawRow): Explanation {
  const settings = model.settings;
  const ds = buildDataset(settings, prepareRows(settings, [a, b]));
  const buf = new PairBuffer();
  buf.push(0, 1);
  const levels = computeLevels(compileComparators(settings.comparisons, ds, false), buf.toList()).map((l) => l[0] ?? -1);
  const table = weightTable(model);
  const value = (column: string, side: 0 | 1): string | null => {
    const col = ds.columns.get(column);
    const id = col?.ids[side] ?? -1;
    return id >= 0 ? (col?.values[id] ?? null) : null;
  };
  const terms = pairTerms(model, table, levels, value, modelFreq(model));
  const out: ExplainTerm[] = settings.comparisons.map((c, ci) => {
    const level = levels[ci] ?? -1;
    const base = level >= 0 ? (table.bf[ci]?.[level] ?? 0) : 0;
    return {
      comparison: c.name,
      level,
      label: level >= 0 ? (levelLabels(c)[level] ?? '') : 'missing value',
      valueA: value(c.column, 0),
      valueB: value(c.column, 1),
      bayesFactor: 2 ** base,
      tfAdjustment: terms.tf[ci] ?? 0,
      weight: terms.perComparison[ci] ?? 0,
    };
  });
  for (const j of terms.joint) {
    const column = j.key.slice('joint:'.length);
    out.push({
      comparison: `${column} (joint frequency)`,
      level: 0,
      label: 'frequency of the combined value',
      valueA: value(column, 0),
      valueB: value(column, 1),
      bayesFactor: 1,
      tfAdjustment: j.bits,
      weight: j.bits,
    });
  }
  const total = table.prior + out.reduce((s, t) => s + t.weight, 0);
  return { priorWeight: table.prior, terms: out, weight: total, probability: probability(total) };
}
