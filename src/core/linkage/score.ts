import type { Dataset, EncodedColumn } from './dataset.js';
import { computeLevels } from './em.js';
import { compileComparators } from './levels.js';
import type { PairList } from './pairs.js';
import type { LinkageModel } from './settings.schemas.js';

/** A joint term-frequency group resolved to comparison indices. */
export interface JointGroup {
  key: string;
  column: string;
  comparisons: number[];
  uProduct: number;
  tfMin: number;
}

/** Precomputed log2 Bayes factors of a model. */
export interface WeightTable {
  /** log2 of the prior odds. */
  prior: number;
  /** log2(m/u) per comparison and level. */
  bf: Float64Array[];
  /** Index of the exact level of tf-adjusted (or jointly adjusted) comparisons, -1 otherwise. */
  tfLevel: Int32Array;
  /** Whether a comparison has its own tf adjustment. */
  tfOn: Uint8Array;
  uExact: Float64Array;
  tfMin: Float64Array;
  joint: JointGroup[];
}

/** Frequency of a value for term-frequency adjustment; key is a comparison name or `joint:<column>`. */
export type FreqLookup = (key: string, value: string) => number;

/** Match probability from a match weight in bits. */
export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** Match weight in bits from a probability. */
export function weightOf(p: number): number {
  return Math.log2(p / (1 - p));
}

/**
 * Chance that two random records agree on a joint value, from its frequencies (sum of squares). Not the
 * product of the members' u: names cluster in one person's duplicate records and in families of names, so
 * the product understates it and would turn every whole-name agreement into evidence against a match.
 */
function jointAgreement(table: Record<string, number> | undefined): number | undefined {
  if (table === undefined) return undefined;
  let sum = agreementMemo.get(table);
  if (sum === undefined) {
    sum = 0;
    for (const f of Object.values(table)) sum += f * f;
    agreementMemo.set(table, sum);
  }
  return sum > 0 ? sum : undefined;
}

/** Sums per frequency table: a look-up scores one record at a time and must not re-read the whole table. */
const agreementMemo = new WeakMap<Record<string, number>, number>();

/** Builds the weight table of a model. */
export function weightTable(model: LinkageModel): WeightTable {
  const comps = model.settings.comparisons;
  const exactOf = (c: number): number => comps[c]?.levels.findIndex((l) => l.type === 'exact') ?? -1;
  const inJoint = new Set(model.settings.jointTf.flatMap((g) => g.comparisons));
  const tfLevel = Int32Array.from(comps, (c, i) => (c.tf || inJoint.has(c.name) ? exactOf(i) : -1));
  const uExact = Float64Array.from(comps, (_, c) => model.u[c]?.[tfLevel[c] ?? -1] ?? 1);
  const joint = model.settings.jointTf.map((g): JointGroup => {
    const idx = g.comparisons.map((name) => comps.findIndex((c) => c.name === name));
    const key = `joint:${g.column}`;
    return { key, column: g.column, comparisons: idx, uProduct: jointAgreement(model.tf[key]) ?? idx.reduce((p, c) => p * (uExact[c] ?? 1), 1), tfMin: g.tfMin };
  });
  return {
    prior: weightOf(model.prior),
    bf: comps.map((_, c) => Float64Array.from(model.m[c] ?? [], (mv, l) => Math.log2(mv / (model.u[c]?.[l] ?? 1)))),
    tfLevel,
    tfOn: Uint8Array.from(comps, (c) => (c.tf ? 1 : 0)),
    uExact,
    tfMin: Float64Array.from(comps, (c) => c.tfMin),
    joint,
  };
}

/** Term-frequency adjustment in bits for an exact agreement on a value of the given frequency. */
export function tfAdjustment(table: WeightTable, c: number, freq: number): number {
  const f = Math.max(freq, table.tfMin[c] ?? 0, 1e-12);
  return Math.log2((table.uExact[c] ?? 1) / f);
}

/** Joint adjustment in bits replacing the members' own adjustments when a whole group agrees exactly. */
export function jointAdjustment(group: JointGroup, freq: number): number {
  return Math.log2(group.uProduct / Math.max(freq, group.tfMin, 1e-12));
}

/** Frequency lookup from a model's stored term frequencies; an unseen value counts as the rarest seen. */
export function modelFreq(model: LinkageModel): FreqLookup {
  const rarest = new Map<string, number>();
  return (key, value) => {
    const table = model.tf[key];
    if (!table) return 0;
    const f = table[value];
    if (f !== undefined) return f;
    let r = rarest.get(key);
    if (r === undefined) {
      r = Math.min(1, ...Object.values(table));
      rarest.set(key, r);
    }
    return r;
  };
}

/** One pair's weight terms: per-comparison bits (tf included) and joint adjustments, for scoring and explaining. */
export interface PairTerms {
  perComparison: number[];
  tf: number[];
  joint: { key: string; bits: number; replaced: number }[];
}

/** Scores one pair given its levels; `valueOf(column, recordIndex)` gives the column's value of a record. */
export function pairTerms(model: LinkageModel, table: WeightTable, levels: readonly number[], valueOf: (column: string, side: 0 | 1) => string | null, freqOf: FreqLookup): PairTerms {
  const comps = model.settings.comparisons;
  const tf = comps.map((c, ci) => {
    const l = levels[ci] ?? -1;
    if (l < 0 || l !== table.tfLevel[ci] || table.tfOn[ci] !== 1) return 0;
    return tfAdjustment(table, ci, freqOf(c.name, valueOf(c.column, 0) ?? ''));
  });
  const perComparison = comps.map((_, ci) => {
    const l = levels[ci] ?? -1;
    return l < 0 ? 0 : (table.bf[ci]?.[l] ?? 0) + (tf[ci] ?? 0);
  });
  const used = new Set<number>();
  const joint: PairTerms['joint'] = [];
  for (const g of table.joint) {
    if (!g.comparisons.every((c) => c >= 0 && !used.has(c) && levels[c] === table.tfLevel[c] && (levels[c] ?? -1) >= 0)) continue;
    const value = valueOf(g.column, 0);
    if (value === null) continue;
    const replaced = g.comparisons.reduce((s, c) => s + (tf[c] ?? 0), 0);
    joint.push({ key: g.key, bits: jointAdjustment(g, freqOf(g.key, value)) - replaced, replaced });
    for (const c of g.comparisons) used.add(c);
  }
  return { perComparison, tf, joint };
}

/** Scores candidate pairs: per-comparison levels and the total match weight (bits) of each pair. */
export function scorePairs(model: LinkageModel, ds: Dataset, pairs: PairList, freqOf?: FreqLookup): { levels: Int8Array[]; weight: Float64Array } {
  const comparators = compileComparators(model.settings.comparisons, ds);
  const levels = computeLevels(comparators, pairs);
  const table = weightTable(model);
  const comps = model.settings.comparisons;
  const cols = new Map<string, EncodedColumn>();
  for (const name of [...comps.map((c) => c.column), ...table.joint.map((g) => g.column)]) {
    const col = ds.columns.get(name);
    if (col) cols.set(name, col);
  }
  // Within one file the other record of a pair is drawn from the rest of the file: leave-one-out frequency.
  const loo = !ds.linkMode;
  const freqById = (colName: string, i: number): number => {
    const col = cols.get(colName);
    const id = col?.ids[i] ?? -1;
    if (id < 0 || !col) return 0;
    return (loo ? col.otherFreq[id] : col.freq[id]) ?? 0;
  };
  const weight = new Float64Array(pairs.length).fill(table.prior);
  const lv = new Array<number>(comps.length).fill(-1);
  const hasTf = table.tfLevel.some((l) => l >= 0);
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs.a[k] ?? 0;
    let w = table.prior;
    for (let c = 0; c < comps.length; c++) {
      const l = levels[c]?.[k] ?? -1;
      lv[c] = l;
      if (l >= 0) w += table.bf[c]?.[l] ?? 0;
    }
    if (hasTf) {
      if (freqOf) {
        const valueOf = (column: string): string | null => {
          const col = cols.get(column);
          const id = col?.ids[i] ?? -1;
          return id >= 0 ? (col?.values[id] ?? null) : null;
        };
        const t = pairTerms(model, table, lv, valueOf, freqOf);
        w += t.tf.reduce((s, x) => s + x, 0) + t.joint.reduce((s, x) => s + x.bits, 0);
      } else {
        let consumed = 0;
        for (const g of table.joint) {
          if (!g.comparisons.every((c) => c >= 0 && (consumed & (1 << c)) === 0 && lv[c] === table.tfLevel[c] && (lv[c] ?? -1) >= 0)) continue;
          const col = cols.get(g.column);
          if ((col?.ids[i] ?? -1) < 0) continue;
          w += jointAdjustment(g, freqById(g.column, i));
          for (const c of g.comparisons) consumed |= 1 << c;
        }
        for (let c = 0; c < comps.length; c++) {
          if (table.tfOn[c] !== 1 || (consumed & (1 << c)) !== 0 || lv[c] !== table.tfLevel[c] || (lv[c] ?? -1) < 0) continue;
          w += tfAdjustment(table, c, freqById(comps[c]?.column ?? '', i));
        }
      }
    }
    weight[k] = w;
  }
  return { levels, weight };
}
