import type { Dataset } from './dataset.js';
import { PairBuffer, type PairList } from './pairs.js';

/** Per-record integer key of a blocking rule (-1 when any of its columns is missing) and the number of keys. */
export interface BlockKeys {
  keys: Int32Array;
  count: number;
}

/** Encodes a blocking rule (columns that must agree exactly) as one integer key per record, numbered by first appearance. */
export function blockKeys(ds: Dataset, rule: readonly string[]): BlockKeys {
  const cols = rule.map((name) => {
    const col = ds.columns.get(name);
    if (!col) throw new Error(`blocking: column "${name}" is not prepared`);
    return col.ids;
  });
  const first = cols[0];
  if (cols.length === 1 && first) {
    let max = -1;
    for (const v of first) if (v > max) max = v;
    return { keys: first, count: max + 1 };
  }
  // Column by column: (key so far, next id) → dense key. A tuple's final key is assigned at its first record,
  // so keys are numbered as a dictionary of the whole tuple would number them.
  let keys = first ?? new Int32Array(ds.size);
  let count = 0;
  for (let c = 1; c < cols.length; c++) {
    const ids = cols[c] ?? keys;
    const next = new Int32Array(ds.size);
    const dict = new Map<number, number>();
    for (let i = 0; i < ds.size; i++) {
      const k = keys[i] ?? -1;
      const v = ids[i] ?? -1;
      if (k === -1 || v === -1) {
        next[i] = -1;
        continue;
      }
      const key = k * 4_294_967_296 + v;
      let d = dict.get(key);
      if (d === undefined) {
        d = dict.size;
        dict.set(key, d);
      }
      next[i] = d;
    }
    keys = next;
    count = dict.size;
  }
  return { keys, count };
}

/** Groups record indices by key: `order` lists records block by block, `starts[k]..starts[k+1]` is block k. */
export function groupByKey(bk: BlockKeys): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(bk.count + 1);
  for (const k of bk.keys) if (k >= 0) starts[k + 1] = (starts[k + 1] ?? 0) + 1;
  for (let k = 0; k < bk.count; k++) starts[k + 1] = (starts[k + 1] ?? 0) + (starts[k] ?? 0);
  const fill = starts.slice(0, bk.count);
  const order = new Int32Array(starts[bk.count] ?? 0);
  bk.keys.forEach((k, i) => {
    if (k < 0) return;
    const pos = fill[k] ?? 0;
    order[pos] = i;
    fill[k] = pos + 1;
  });
  return { order, starts };
}

export interface BlockingResult {
  pairs: PairList;
  /** New pairs contributed by each rule, after removing pairs an earlier rule already produced. */
  perRule: number[];
  /** Blocks skipped because they exceeded maxBlockSize: [rule index, block size]. */
  oversized: [number, number][];
}

/** Candidate pairs from several blocking rules combined (union, each pair once); link mode pairs only across files. */
export function candidatePairs(ds: Dataset, rules: readonly (readonly string[])[], maxBlockSize: number): BlockingResult {
  const out = new PairBuffer();
  const perRule: number[] = [];
  const oversized: [number, number][] = [];
  const done: { keys: Int32Array; skipped: Uint8Array }[] = [];
  const src = ds.source;
  const link = ds.linkMode;
  rules.forEach((rule, r) => {
    const bk = blockKeys(ds, rule);
    const { order, starts } = groupByKey(bk);
    const skipped = new Uint8Array(bk.count);
    const before = out.length;
    for (let k = 0; k < bk.count; k++) {
      const s = starts[k] ?? 0;
      const e = starts[k + 1] ?? 0;
      if (e - s < 2) continue;
      if (e - s > maxBlockSize) {
        skipped[k] = 1;
        oversized.push([r, e - s]);
        continue;
      }
      for (let x = s; x < e; x++) {
        const i = order[x] ?? 0;
        for (let y = x + 1; y < e; y++) {
          const j = order[y] ?? 0;
          if (link && src[i] === src[j]) continue;
          let seen = false;
          for (const d of done) {
            const ki = d.keys[i] ?? -1;
            if (ki !== -1 && ki === d.keys[j] && d.skipped[ki] === 0) {
              seen = true;
              break;
            }
          }
          if (!seen) out.push(i, j);
        }
      }
    }
    perRule.push(out.length - before);
    done.push({ keys: bk.keys, skipped });
  });
  return { pairs: out.toList(), perRule, oversized };
}
