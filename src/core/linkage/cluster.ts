import type { PairList } from './pairs.js';

function find(parent: Int32Array, x: number): number {
  let r = x;
  while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
  let y = x;
  while ((parent[y] ?? y) !== r) {
    const next = parent[y] ?? r;
    parent[y] = r;
    y = next;
  }
  return r;
}

/** Optional checks of a merge against every pair across the two groups, scored on demand. */
export interface ClusterGuard {
  /** Match weight of any two records (candidate pair or not); without it only candidate links count. */
  score?: (i: number, j: number) => number;
  /** Two groups never merge when a pair across them weighs less than this (a clear non-match). */
  cannotLinkWeight?: number;
  /** Merges with more cross pairs than this fall back to counting candidate links (bounded work). */
  maxCrossPairs?: number;
}

const MAX_CROSS_PAIRS = 10_000;

/** Share of cross pairs at or above the threshold, or -1 when a cross pair is below the cannot-link weight. */
function scoredCohesion(a: readonly number[], b: readonly number[], score: (i: number, j: number) => number, thresholdWeight: number, cannotLink: number): number {
  let links = 0;
  for (const x of a)
    for (const y of b) {
      const w = score(x, y);
      if (w < cannotLink) return -1;
      if (w >= thresholdWeight) links++;
    }
  return links / (a.length * b.length);
}

/**
 * Clusters records from scored pairs: links pairs at or above the threshold weight, strongest first
 * (connected components), but merges two groups only when at least `minCohesion` of their cross pairs
 * are themselves links, so one weak bridge cannot chain two different people together. With a scorer,
 * every cross pair is scored (not only candidate pairs), and a merge is refused outright when any cross
 * pair is a clear non-match (below `cannotLinkWeight`): a sparse record that fits two namesakes does not
 * join them. Returns, for every record, the index of the first record of its cluster.
 */
export function clusterPairs(size: number, pairs: PairList, weight: Float64Array, thresholdWeight: number, minCohesion: number, guard: ClusterGuard = {}): Int32Array {
  const cannotLink = guard.cannotLinkWeight ?? -Infinity;
  const maxCross = guard.maxCrossPairs ?? MAX_CROSS_PAIRS;
  const strong: number[] = [];
  for (let k = 0; k < pairs.length; k++) if ((weight[k] ?? -Infinity) >= thresholdWeight) strong.push(k);
  strong.sort((x, y) => (weight[y] ?? 0) - (weight[x] ?? 0));
  const degree = new Int32Array(size + 1);
  for (const k of strong) {
    const a = pairs.a[k] ?? 0;
    const b = pairs.b[k] ?? 0;
    degree[a + 1] = (degree[a + 1] ?? 0) + 1;
    degree[b + 1] = (degree[b + 1] ?? 0) + 1;
  }
  for (let i = 0; i < size; i++) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
  const adj = new Int32Array(degree[size] ?? 0);
  const fill = degree.slice(0, size);
  for (const k of strong) {
    const a = pairs.a[k] ?? 0;
    const b = pairs.b[k] ?? 0;
    const pa = fill[a] ?? 0;
    adj[pa] = b;
    fill[a] = pa + 1;
    const pb = fill[b] ?? 0;
    adj[pb] = a;
    fill[b] = pb + 1;
  }
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const members: (number[] | undefined)[] = new Array<number[] | undefined>(size);
  const membersOf = (r: number): number[] => members[r] ?? [r];
  for (const k of strong) {
    const ra = find(parent, pairs.a[k] ?? 0);
    const rb = find(parent, pairs.b[k] ?? 0);
    if (ra === rb) continue;
    const ma = membersOf(ra);
    const mb = membersOf(rb);
    const crossPairs = ma.length * mb.length;
    if (guard.score && crossPairs > 1 && crossPairs <= maxCross) {
      const cohesion = scoredCohesion(ma, mb, guard.score, thresholdWeight, cannotLink);
      if (cohesion < 0 || cohesion < minCohesion) continue;
    } else if (minCohesion > 0 && crossPairs > 1) {
      const [small, otherRoot] = ma.length <= mb.length ? [ma, rb] : [mb, ra];
      let cross = 0;
      for (const x of small) {
        for (let e = degree[x] ?? 0; e < (degree[x + 1] ?? 0); e++) if (find(parent, adj[e] ?? 0) === otherRoot) cross++;
      }
      if (cross / (ma.length * mb.length) < minCohesion) continue;
    }
    const [big, small, bigRoot, smallRoot] = ma.length >= mb.length ? [ma, mb, ra, rb] : [mb, ma, rb, ra];
    parent[smallRoot] = bigRoot;
    for (const x of small) big.push(x);
    members[bigRoot] = big;
    members[smallRoot] = undefined;
  }
  const rep = new Int32Array(size).fill(-1);
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const r = find(parent, i);
    if (rep[r] === -1) rep[r] = i;
    out[i] = rep[r] ?? i;
  }
  return out;
}
