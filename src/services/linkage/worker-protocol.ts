import type { BlockPlan, BlockTask } from '../../core/linkage/block-plan.js';
import type { Dataset, DateFeatures, EncodedChunk, EncodedColumn } from '../../core/linkage/dataset.js';
import type { PairWeights } from '../../core/linkage/pair-weights.js';
import type { ComparisonSettings, LinkageSettings } from '../../core/linkage/settings.schemas.js';
import type { RowIssue } from './read-records.js';
import { shared } from './shared-memory.js';

/** A dataset as posted to worker threads: typed arrays in shared memory, each column's values as JSON text. */
export interface DatasetMessage {
  size: number;
  linkMode: boolean;
  source: Uint8Array;
  columns: { name: string; values: string; ids: Int32Array }[];
  dates: [string, DateFeatures][];
}

/** Messages a linkage worker answers (each with an id, answered once). */
export type WorkerRequest =
  | { type: 'dataset'; comparisons: ComparisonSettings[]; dataset: DatasetMessage }
  /** Level counts (u estimation) or levels (EM) of pairs of the dataset. */
  | { type: 'countLevels' | 'levels'; a: Int32Array; b: Int32Array }
  | {
      type: 'plan';
      comparisons: ComparisonSettings[];
      plan: BlockPlan;
      weights: PairWeights;
      keepWeight: number;
      signatures: ({ sig: Int32Array; count: number } | null)[];
    }
  | { type: 'score'; task: BlockTask }
  | {
      /** Parse, check, prepare and encode bytes start..end of a record CSV (whole records; the header given). */
      type: 'load';
      settings: LinkageSettings;
      bytes: Uint8Array;
      start: number;
      end: number;
      header: string[];
      source: number;
    };

/** A loaded slice: null when the text is not plain CSV (the caller falls back to reading the file in one go). */
export type LoadReply = {
  size: number;
  issues: RowIssue[];
  emptyName: RowIssue[];
  /** The encoded slice, its string arrays packed (see `packChunk`). */
  chunk: PackedChunk;
} | null;

/** An encoded slice with its string arrays as JSON text: one string crosses threads far faster than many. */
export interface PackedChunk {
  size: number;
  source: number;
  recordIds: string;
  columns: { name: string; values: string; counts: Int32Array; ids: Int32Array }[];
  dates: [string, DateFeatures][];
}

/** Packs an encoded slice for posting. */
export function packChunk(c: EncodedChunk): PackedChunk {
  return { ...c, recordIds: JSON.stringify(c.recordIds), columns: c.columns.map((col) => ({ ...col, values: JSON.stringify(col.values) })) };
}

/** Unpacks a posted slice. */
export function unpackChunk(c: PackedChunk): EncodedChunk {
  return {
    ...c,
    recordIds: JSON.parse(c.recordIds) as (string | null)[],
    columns: c.columns.map((col) => ({ ...col, values: JSON.parse(col.values) as string[] })),
  };
}

/** Buffers a packed slice can hand over instead of copying. */
export function chunkTransfer(c: PackedChunk): ArrayBuffer[] {
  const arrays = [...c.columns.flatMap((col) => [col.counts, col.ids]), ...c.dates.flatMap(([, f]) => [f.year, f.month, f.day, f.lo, f.hi])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Shares a dataset's arrays (frequencies stay behind: workers get weights precomputed). */
export function datasetMessage(ds: Dataset): DatasetMessage {
  const columns = [...ds.columns.values()].map((c) => ({ name: c.name, values: JSON.stringify(c.values), ids: shared(c.ids) }));
  const dates = [...ds.dates].map(([name, f]): [string, DateFeatures] => [
    name,
    { year: shared(f.year), month: shared(f.month), day: shared(f.day), lo: shared(f.lo), hi: shared(f.hi) },
  ]);
  return { size: ds.size, linkMode: ds.linkMode, source: shared(ds.source), columns, dates };
}

/** The dataset a worker computes levels on (no record ids or frequencies). */
export function datasetFromMessage(m: DatasetMessage): Dataset {
  const columns = new Map(
    m.columns.map((c): [string, EncodedColumn] => [c.name, { name: c.name, values: JSON.parse(c.values) as string[], ids: c.ids, freq: new Float64Array(0), otherFreq: new Float64Array(0) }]),
  );
  return { size: m.size, recordIds: [], source: m.source, linkMode: m.linkMode, columns, dates: new Map(m.dates) };
}
