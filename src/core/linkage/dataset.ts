import { boundInterval, parseDateParts } from './date-parts.js';
import { normalizeCell } from './normalize.js';
import type { LinkageSettings } from './settings.schemas.js';

/** One raw input row: column name → cell text. */
export type RawRow = Readonly<Record<string, string | undefined>>;

/** A dictionary-encoded column: one integer id per record (-1 = missing), and each id's relative frequency. */
export interface EncodedColumn {
  name: string;
  values: string[];
  ids: Int32Array;
  freq: Float64Array;
  /** Frequency of a value among the other records (leave-one-out): (count - 1) / (non-missing - 1). */
  otherFreq: Float64Array;
}

/** Date features per record for a date comparison; `NONE` marks an unknown part. */
export interface DateFeatures {
  year: Int16Array;
  month: Int8Array;
  day: Int8Array;
  lo: Int32Array;
  hi: Int32Array;
}

export const NONE = -2147483648;

/** Records prepared for linkage: encoded columns, date features, and which file each record came from. */
export interface Dataset {
  size: number;
  recordIds: string[];
  /** 0 for the first file, 1 for the second (link mode). */
  source: Uint8Array;
  linkMode: boolean;
  columns: Map<string, EncodedColumn>;
  dates: Map<string, DateFeatures>;
}

/** Throws a descriptive error when comparisons or blocking rules name a column the settings do not declare. */
export function checkSettingsReferences(settings: LinkageSettings): void {
  const declared = new Set(settings.columns.map((c) => c.name));
  const need = (col: string, where: string): void => {
    if (!declared.has(col)) throw new Error(`settings: ${where} uses column "${col}", which is not declared in "columns"`);
  };
  for (const c of settings.comparisons) {
    need(c.column, `comparison "${c.name}"`);
    if (c.rangeFrom !== undefined) need(c.rangeFrom, `comparison "${c.name}"`);
    if (c.rangeTo !== undefined) need(c.rangeTo, `comparison "${c.name}"`);
    for (const l of c.levels) if (l.type === 'exactOn' || l.type === 'swapped') need(l.column, `comparison "${c.name}"`);
  }
  for (const rule of [...settings.blocking, ...(settings.training ?? [])]) for (const col of rule) need(col, 'a blocking rule');
}

/** One slice of rows encoded with its own dictionaries; slices are joined by `mergeEncoded`. */
export interface EncodedChunk {
  size: number;
  /** 0 for the first file, 1 for the second (link mode). */
  source: number;
  /** Each row's trimmed id, or null when it has none. */
  recordIds: (string | null)[];
  /** Per settings column: distinct values in order of first appearance, their counts, and each row's value id. */
  columns: { name: string; values: string[]; counts: Int32Array; ids: Int32Array }[];
  dates: [string, DateFeatures][];
}

function encodeCells(name: string, cells: (string | null)[]): EncodedChunk['columns'][number] {
  const dict = new Map<string, number>();
  const values: string[] = [];
  const counts: number[] = [];
  const ids = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) {
      ids[i] = -1;
      continue;
    }
    let id = dict.get(v);
    if (id === undefined) {
      id = values.length;
      dict.set(v, id);
      values.push(v);
      counts.push(0);
    }
    counts[id] = (counts[id] ?? 0) + 1;
    ids[i] = id;
  }
  return { name, values, counts: Int32Array.from(counts), ids };
}

function dateFeatures(size: number, cells: (string | null)[], from: (string | null)[] | null, to: (string | null)[] | null): DateFeatures {
  const f: DateFeatures = {
    year: new Int16Array(size),
    month: new Int8Array(size),
    day: new Int8Array(size),
    lo: new Int32Array(size).fill(NONE),
    hi: new Int32Array(size).fill(NONE),
  };
  for (let i = 0; i < size; i++) {
    const text = cells[i];
    const parts = text === null || text === undefined ? null : parseDateParts(text);
    if (parts) {
      f.year[i] = parts.year;
      f.month[i] = parts.month;
      f.day[i] = parts.day;
      f.lo[i] = parts.lo;
      f.hi[i] = parts.hi;
      continue;
    }
    const lo = boundInterval(from?.[i] ?? undefined);
    const hi = boundInterval(to?.[i] ?? undefined);
    if (lo && hi) {
      f.lo[i] = lo.lo;
      f.hi[i] = hi.hi;
    }
  }
  return f;
}

/** Normalises and encodes one slice of rows (of file `source`) with slice-local dictionaries. */
export function encodeChunk(settings: LinkageSettings, rows: readonly RawRow[], source: number): EncodedChunk {
  const size = rows.length;
  const recordIds = rows.map((r) => {
    const id = r[settings.idColumn]?.trim();
    return id !== undefined && id !== '' ? id : null;
  });
  const cellsOf = new Map<string, (string | null)[]>();
  const columns: EncodedChunk['columns'] = [];
  for (const col of settings.columns) {
    const src = col.source ?? col.name;
    const sources = col.sources;
    const cells = sources
      ? rows.map((r) => normalizeCell(sources.map((c) => r[c] ?? '').join(' '), col.normalize))
      : rows.map((r) => normalizeCell(r[src], col.normalize));
    cellsOf.set(col.name, cells);
    columns.push(encodeCells(col.name, cells));
  }
  const dates: [string, DateFeatures][] = [];
  for (const c of settings.comparisons) {
    if (c.kind !== 'date') continue;
    const cells = cellsOf.get(c.column) ?? [];
    const from = c.rangeFrom !== undefined ? (cellsOf.get(c.rangeFrom) ?? null) : null;
    const to = c.rangeTo !== undefined ? (cellsOf.get(c.rangeTo) ?? null) : null;
    dates.push([c.name, dateFeatures(size, cells, from, to)]);
  }
  return { size, source, recordIds, columns, dates };
}

/**
 * Joins encoded slices (in row order) into one dataset. Value ids are numbered by first appearance over all
 * rows, as encoding the rows at once numbers them, so the result does not depend on how rows were sliced.
 */
export function mergeEncoded(settings: LinkageSettings, chunks: readonly EncodedChunk[], linkMode: boolean): Dataset {
  const size = chunks.reduce((s, c) => s + c.size, 0);
  const source = new Uint8Array(size);
  const recordIds: string[] = new Array<string>(size);
  const rowOfFile = [0, 0];
  let at = 0;
  for (const chunk of chunks) {
    source.fill(chunk.source, at, at + chunk.size);
    chunk.recordIds.forEach((id, k) => {
      const n = (rowOfFile[chunk.source] ?? 0) + k + 1;
      recordIds[at + k] = id ?? String(n);
    });
    rowOfFile[chunk.source] = (rowOfFile[chunk.source] ?? 0) + chunk.size;
    at += chunk.size;
  }
  const columns = new Map<string, EncodedColumn>();
  settings.columns.forEach((col, c) => {
    const dict = new Map<string, number>();
    const values: string[] = [];
    const counts: number[] = [];
    const ids = new Int32Array(size);
    let nonNull = 0;
    let offset = 0;
    for (const chunk of chunks) {
      const part = chunk.columns[c];
      const global = Int32Array.from(part?.values ?? [], (v, k) => {
        let id = dict.get(v);
        if (id === undefined) {
          id = values.length;
          dict.set(v, id);
          values.push(v);
          counts.push(0);
        }
        const n = part?.counts[k] ?? 0;
        counts[id] = (counts[id] ?? 0) + n;
        nonNull += n;
        return id;
      });
      const local = part?.ids ?? new Int32Array(chunk.size).fill(-1);
      for (let i = 0; i < chunk.size; i++) {
        const l = local[i] ?? -1;
        ids[offset + i] = l < 0 ? -1 : (global[l] ?? -1);
      }
      offset += chunk.size;
    }
    const freq = new Float64Array(values.length);
    const otherFreq = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) {
      freq[k] = (counts[k] ?? 0) / Math.max(1, nonNull);
      otherFreq[k] = Math.max(0, (counts[k] ?? 0) - 1) / Math.max(1, nonNull - 1);
    }
    columns.set(col.name, { name: col.name, values, ids, freq, otherFreq });
  });
  const dates = new Map<string, DateFeatures>();
  for (const c of settings.comparisons) {
    if (c.kind !== 'date') continue;
    const parts = chunks.map((ch) => new Map(ch.dates).get(c.name));
    const f: DateFeatures = { year: new Int16Array(size), month: new Int8Array(size), day: new Int8Array(size), lo: new Int32Array(size), hi: new Int32Array(size) };
    let offset = 0;
    chunks.forEach((ch, k) => {
      const p = parts[k];
      if (p) {
        f.year.set(p.year, offset);
        f.month.set(p.month, offset);
        f.day.set(p.day, offset);
        f.lo.set(p.lo, offset);
        f.hi.set(p.hi, offset);
      }
      offset += ch.size;
    });
    dates.set(c.name, f);
  }
  return { size, recordIds, source, linkMode, columns, dates };
}

/** Normalises and encodes rows for linkage; `rowsB` switches to link mode (pairs only across the two files). */
export function buildDataset(settings: LinkageSettings, rows: readonly RawRow[], rowsB?: readonly RawRow[]): Dataset {
  const chunks = [encodeChunk(settings, rows, 0)];
  if (rowsB) chunks.push(encodeChunk(settings, rowsB, 1));
  return mergeEncoded(settings, chunks, rowsB !== undefined);
}
