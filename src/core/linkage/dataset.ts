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

function encode(name: string, cells: (string | null)[]): EncodedColumn {
  const dict = new Map<string, number>();
  const values: string[] = [];
  const counts: number[] = [];
  const ids = new Int32Array(cells.length);
  let nonNull = 0;
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
    nonNull++;
  }
  const freq = new Float64Array(values.length);
  const otherFreq = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    freq[k] = (counts[k] ?? 0) / Math.max(1, nonNull);
    otherFreq[k] = Math.max(0, (counts[k] ?? 0) - 1) / Math.max(1, nonNull - 1);
  }
  return { name, values, ids, freq, otherFreq };
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

/** Normalises and encodes rows for linkage; `rowsB` switches to link mode (pairs only across the two files). */
export function buildDataset(settings: LinkageSettings, rows: readonly RawRow[], rowsB?: readonly RawRow[]): Dataset {
  const all = rowsB ? [...rows, ...rowsB] : rows;
  const size = all.length;
  const source = new Uint8Array(size);
  if (rowsB) source.fill(1, rows.length);
  const recordIds = all.map((r, i) => {
    const id = r[settings.idColumn]?.trim();
    return id !== undefined && id !== '' ? id : String(rowsB && i >= rows.length ? i - rows.length + 1 : i + 1);
  });
  const cellsOf = new Map<string, (string | null)[]>();
  const columns = new Map<string, EncodedColumn>();
  for (const col of settings.columns) {
    const src = col.source ?? col.name;
    const sources = col.sources;
    const cells = sources
      ? all.map((r) => normalizeCell(sources.map((c) => r[c] ?? '').join(' '), col.normalize))
      : all.map((r) => normalizeCell(r[src], col.normalize));
    cellsOf.set(col.name, cells);
    columns.set(col.name, encode(col.name, cells));
  }
  const dates = new Map<string, DateFeatures>();
  for (const c of settings.comparisons) {
    if (c.kind !== 'date') continue;
    const cells = cellsOf.get(c.column) ?? [];
    const from = c.rangeFrom !== undefined ? (cellsOf.get(c.rangeFrom) ?? null) : null;
    const to = c.rangeTo !== undefined ? (cellsOf.get(c.rangeTo) ?? null) : null;
    dates.set(c.name, dateFeatures(size, cells, from, to));
  }
  return { size, recordIds, source, linkMode: rowsB !== undefined, columns, dates };
}
