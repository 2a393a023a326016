import { buildDataset, type RawRow } from './dataset.js';
import { normalizeCell } from './normalize.js';
import { PairBuffer } from './pairs.js';
import { prepareRows } from './prepare.js';
import { modelFreq, probability, scorePairs } from './score.js';
import type { LinkageModel, LinkageSettings } from './settings.schemas.js';

/** A register prepared for fast look-up of one new record: blocking keys → record positions. */
export interface CandidateIndex {
  model: LinkageModel;
  /** Prepared rows of the register, in input order. */
  rows: RawRow[];
  recordIds: string[];
  /** One map per blocking rule. */
  keys: Map<string, number[]>[];
}

/** A scored candidate: its position in the list given (or in the index), its id, weight and probability. */
export interface Candidate {
  index: number;
  recordId: string;
  weight: number;
  probability: number;
}

function ruleKey(settings: LinkageSettings, row: RawRow, rule: readonly string[]): string | null {
  const parts: string[] = [];
  for (const name of rule) {
    const col = settings.columns.find((c) => c.name === name);
    const raw = col?.sources ? col.sources.map((c) => row[c] ?? '').join(' ') : row[col?.source ?? col?.name ?? name];
    const v = col ? normalizeCell(raw, col.normalize) : null;
    if (v === null) return null;
    parts.push(v);
  }
  return parts.join('\u0001');
}

function addKeys(settings: LinkageSettings, keys: Map<string, number[]>[], prepared: readonly RawRow[], from: number): void {
  for (let i = from; i < prepared.length; i++) {
    const row = prepared[i];
    if (!row) continue;
    settings.blocking.forEach((rule, r) => {
      const key = ruleKey(settings, row, rule);
      if (key === null) return;
      const map = keys[r];
      const list = map?.get(key);
      if (list) list.push(i);
      else map?.set(key, [i]);
    });
  }
}

function indexOf(model: LinkageModel, prepared: RawRow[], keys: Map<string, number[]>[]): CandidateIndex {
  const settings = model.settings;
  const recordIds = prepared.map((r, i) => r[settings.idColumn]?.trim() || String(i + 1));
  return { model, rows: prepared, recordIds, keys };
}

/** Indexes a register's records by the model's blocking keys (prepare once, look up many times). */
export function buildCandidateIndex(model: LinkageModel, rows: readonly RawRow[]): CandidateIndex {
  const settings = model.settings;
  const prepared = prepareRows(settings, rows);
  const keys = settings.blocking.map(() => new Map<string, number[]>());
  addKeys(settings, keys, prepared, 0);
  return indexOf(model, prepared, keys);
}

/**
 * buildCandidateIndex in slices of `slice` records, handing the thread back between them (`pause`), so a server
 * building the index of a large register keeps answering meanwhile. The same index.
 */
export async function buildCandidateIndexInSlices(model: LinkageModel, rows: readonly RawRow[], pause: () => Promise<void>, slice = 500): Promise<CandidateIndex> {
  const settings = model.settings;
  const prepared: RawRow[] = [];
  const keys = settings.blocking.map(() => new Map<string, number[]>());
  for (let i = 0; i < rows.length; i += slice) {
    const from = prepared.length;
    for (const row of prepareRows(settings, rows.slice(i, i + slice))) prepared.push(row);
    addKeys(settings, keys, prepared, from);
    await pause();
  }
  return indexOf(model, prepared, keys);
}

function scorePrepared(model: LinkageModel, record: RawRow, candidates: readonly RawRow[]): Float64Array {
  if (candidates.length === 0) return new Float64Array(0);
  const ds = buildDataset(model.settings, [record, ...candidates]);
  const buf = new PairBuffer();
  for (let k = 1; k <= candidates.length; k++) buf.push(0, k);
  return scorePairs(model, ds, buf.toList(), modelFreq(model)).weight;
}

function top(weights: Float64Array, idOf: (k: number) => string, indexOf: (k: number) => number, limit: number): Candidate[] {
  const out = Array.from(weights, (w, k): Candidate => ({ index: indexOf(k), recordId: idOf(k), weight: w, probability: probability(w) }));
  out.sort((x, y) => y.weight - x.weight);
  return out.slice(0, limit);
}

/**
 * Scores one raw record against raw candidate records; returns the best `limit` by match probability.
 * Term frequencies come from the model (the register it was trained on).
 */
export function scoreCandidates(model: LinkageModel, record: RawRow, candidates: readonly RawRow[], limit = 10): Candidate[] {
  const [rec, ...cands] = prepareRows(model.settings, [record, ...candidates]);
  const weights = scorePrepared(model, rec ?? {}, cands);
  const settings = model.settings;
  return top(weights, (k) => candidates[k]?.[settings.idColumn]?.trim() ?? String(k + 1), (k) => k, limit);
}

/** Finds and scores the register records that share a blocking key with a new raw record (data-entry check); blocks over maxBlockSize are skipped, as in the batch run. */
export function findCandidates(index: CandidateIndex, record: RawRow, limit = 10, maxCandidates = 5000): Candidate[] {
  const settings = index.model.settings;
  const [rec] = prepareRows(settings, [record]);
  if (!rec) return [];
  const found = new Set<number>();
  settings.blocking.forEach((rule, r) => {
    const key = ruleKey(settings, rec, rule);
    if (key === null) return;
    const block = index.keys[r]?.get(key) ?? [];
    // as in the batch run: a block larger than maxBlockSize is too common a key to say anything
    if (block.length > settings.maxBlockSize) return;
    for (const i of block) {
      if (found.size >= maxCandidates) return;
      found.add(i);
    }
  });
  const positions = [...found];
  const weights = scorePrepared(index.model, rec, positions.map((i) => index.rows[i] ?? {}));
  return top(weights, (k) => index.recordIds[positions[k] ?? 0] ?? '', (k) => positions[k] ?? 0, limit);
}
