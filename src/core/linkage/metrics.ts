import type { PairList } from './pairs.js';

/** Precision, recall and F1 with the counts behind them. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  actual: number;
}

function prf(tp: number, predicted: number, actual: number): Prf {
  const precision = predicted > 0 ? tp / predicted : 1;
  const recall = actual > 0 ? tp / actual : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositives: tp, predicted, actual };
}

/** Number of true pairs implied by entity labels (pairs of records with the same entity); link mode counts cross pairs only. */
export function truePairCount(entity: readonly string[], source?: Uint8Array): number {
  const counts = new Map<string, [number, number]>();
  entity.forEach((e, i) => {
    const c = counts.get(e) ?? [0, 0];
    c[source?.[i] === 1 ? 1 : 0]++;
    counts.set(e, c);
  });
  let total = 0;
  for (const [a, b] of counts.values()) total += source ? a * b : ((a + b) * (a + b - 1)) / 2;
  return total;
}

/** Pairwise P/R/F1 of the candidate pairs scored at or above a weight, against entity labels over all pairs. */
export function pairwiseAtWeight(pairs: PairList, weight: Float64Array, minWeight: number, entity: readonly string[], source?: Uint8Array): Prf {
  let tp = 0;
  let predicted = 0;
  for (let k = 0; k < pairs.length; k++) {
    if ((weight[k] ?? -Infinity) < minWeight) continue;
    predicted++;
    if (entity[pairs.a[k] ?? 0] === entity[pairs.b[k] ?? 0]) tp++;
  }
  return prf(tp, predicted, truePairCount(entity, source));
}

/** The best F1 over all thresholds among the scored pairs, and the weight at which it is reached. */
export function bestThreshold(pairs: PairList, weight: Float64Array, entity: readonly string[], source?: Uint8Array): { weight: number; result: Prf } {
  const order = Array.from({ length: pairs.length }, (_, k) => k).sort((x, y) => (weight[y] ?? 0) - (weight[x] ?? 0));
  const actual = truePairCount(entity, source);
  let tp = 0;
  let best = { weight: Infinity, result: prf(0, 0, actual) };
  order.forEach((k, idx) => {
    if (entity[pairs.a[k] ?? 0] === entity[pairs.b[k] ?? 0]) tp++;
    const next = order[idx + 1];
    if (next !== undefined && weight[next] === weight[k]) return;
    const r = prf(tp, idx + 1, actual);
    if (r.f1 > best.result.f1) best = { weight: weight[k] ?? 0, result: r };
  });
  return best;
}

/** Pairwise P/R/F1 of a clustering (every pair of records sharing a cluster) against entity labels. */
export function pairwiseOfClusters(cluster: ArrayLike<number | string>, entity: readonly string[], source?: Uint8Array): Prf {
  const byCluster = new Map<number | string, number[]>();
  for (let i = 0; i < entity.length; i++) {
    const c = cluster[i] ?? i;
    const list = byCluster.get(c) ?? [];
    list.push(i);
    byCluster.set(c, list);
  }
  let tp = 0;
  let predicted = 0;
  for (const list of byCluster.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        if (source && source[i] === source[j]) continue;
        predicted++;
        if (entity[i] === entity[j]) tp++;
      }
    }
  }
  return prf(tp, predicted, truePairCount(entity, source));
}

/** B-cubed precision, recall and F1 of a clustering against entity labels (averaged over records). */
export function bCubed(cluster: ArrayLike<number | string>, entity: readonly string[]): { precision: number; recall: number; f1: number } {
  const n = entity.length;
  const clusterSize = new Map<number | string, number>();
  const entitySize = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = cluster[i] ?? i;
    const e = entity[i] ?? '';
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    entitySize.set(e, (entitySize.get(e) ?? 0) + 1);
    const key = `${String(c)}\u0000${e}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const c = cluster[i] ?? i;
    const e = entity[i] ?? '';
    const inter = both.get(`${String(c)}\u0000${e}`) ?? 0;
    p += inter / (clusterSize.get(c) ?? 1);
    r += inter / (entitySize.get(e) ?? 1);
  }
  const precision = n > 0 ? p / n : 1;
  const recall = n > 0 ? r / n : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
