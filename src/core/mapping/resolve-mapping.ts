import type { RecordColumn, RecordRow } from '../record/record.schemas.js';
import { guessColumn, headerKey } from './header-aliases.js';
import { MappingError } from './mapping-error.js';
import type { ColumnMapping } from './mapping.schemas.js';

/** What one file column becomes: a record column, a key of `extra`, or nothing. */
export type ColumnTarget = { kind: 'column'; column: RecordColumn } | { kind: 'extra'; key: string } | { kind: 'ignore' };

/** A mapping applied to a file's header row: one target per file column. */
export interface ResolvedMapping {
  headers: readonly string[];
  targets: readonly ColumnTarget[];
  defaults: Partial<Record<RecordColumn, string>>;
}

const NAME_COLUMNS: readonly RecordColumn[] = ['surname', 'given_name', 'full_name'];
const LISTED_HEADERS = 20;

/** The headers quoted for a message, at most 20 of them, each cut to 60 characters. */
function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, LISTED_HEADERS).map((h) => `"${h.length > 60 ? `${h.slice(0, 59)}…` : h}"`);
  const more = headers.length > LISTED_HEADERS ? ` and ${headers.length - LISTED_HEADERS} more` : '';
  return `${shown.join(', ')}${more}`;
}

function findHeader(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const key = headerKey(wanted);
  return headers.findIndex((h) => headerKey(h) === key);
}

function explicitTargets(headers: readonly string[], mapping: ColumnMapping): (ColumnTarget | undefined)[] {
  const targets: (ColumnTarget | undefined)[] = headers.map(() => undefined);
  const claimed = new Map<RecordColumn, string>();
  for (const [header, column] of Object.entries(mapping.columns)) {
    const at = findHeader(headers, header);
    if (at < 0) {
      throw new MappingError(`the mapping names header "${header}", which the file does not have (its headers: ${listHeaders(headers)})`, header);
    }
    if (column === null) {
      targets[at] = { kind: 'ignore' };
      continue;
    }
    const other = claimed.get(column);
    if (other !== undefined) throw new MappingError(`headers "${other}" and "${header}" are both mapped to ${column}; map only one of them`, header);
    claimed.set(column, header);
    targets[at] = { kind: 'column', column };
  }
  return targets;
}

function autoTargets(headers: readonly string[], targets: (ColumnTarget | undefined)[]): void {
  const claimed = new Set<RecordColumn>(targets.flatMap((t) => (t?.kind === 'column' ? [t.column] : [])));
  const guesses = headers.map((h, i) => (targets[i] === undefined ? guessColumn(h) : undefined));
  for (const strong of [true, false]) {
    const round = new Map<RecordColumn, number>();
    guesses.forEach((guess, i) => {
      if (guess?.strong !== strong || claimed.has(guess.column)) return;
      const other = round.get(guess.column);
      if (other !== undefined) {
        throw new MappingError(
          `headers "${headers[other] ?? ''}" and "${headers[i] ?? ''}" both look like ${guess.column}; say which to use with a mapping (e.g. --map "${headers[i] ?? ''}=")`,
          headers[i],
        );
      }
      round.set(guess.column, i);
    });
    for (const [column, i] of round) {
      targets[i] = { kind: 'column', column };
      claimed.add(column);
    }
  }
}

function extraKey(header: string, index: number, used: Set<string>): string {
  const base = header.trim() === '' ? `column_${index + 1}` : header;
  const key = used.has(base) ? `${base} (column ${index + 1})` : base;
  used.add(key);
  return key;
}

/**
 * Applies a mapping (or, without one, the automatic Russian/English header guesses) to a header row.
 * Explicit entries win; other headers are guessed; the rest are kept as `extra`.
 * Throws MappingError when a mapped header is absent, two headers claim one column, or no name column is mapped.
 */
export function resolveMapping(headers: readonly string[], mapping?: ColumnMapping): ResolvedMapping {
  const targets = mapping ? explicitTargets(headers, mapping) : headers.map(() => undefined);
  autoTargets(headers, targets);
  const used = new Set<string>();
  const resolved = targets.map((t, i): ColumnTarget => t ?? { kind: 'extra', key: extraKey(headers[i] ?? '', i, used) });
  if (!resolved.some((t) => t.kind === 'column' && NAME_COLUMNS.includes(t.column))) {
    throw new MappingError(
      `no column holds a name: map one of ${NAME_COLUMNS.join(', ')} (e.g. --map "Header=full_name"); the file's headers: ${listHeaders(headers)}`,
    );
  }
  return { headers, targets: resolved, defaults: mapping?.defaults ?? {} };
}

/** Builds a record from one row's cells: empty cells are left out, then defaults fill the gaps. */
export function buildRecord(mapping: ResolvedMapping, cells: readonly string[]): RecordRow {
  const record: Partial<Record<RecordColumn, string>> = {};
  const extra: [string, string][] = [];
  mapping.targets.forEach((target, i) => {
    const value = cells[i];
    if (value === undefined || value === '') return;
    if (target.kind === 'column') record[target.column] = value;
    else if (target.kind === 'extra') extra.push([target.key, value]);
  });
  for (const [column, value] of Object.entries(mapping.defaults) as [RecordColumn, string][]) {
    record[column] ??= value;
  }
  // fromEntries defines own properties, so a header like "__proto__" cannot reach a prototype.
  return extra.length > 0 ? { ...record, extra: Object.fromEntries(extra) } : record;
}
