import { PatternTableError } from './pattern-table.js';

/** Registry deaths in one sex × age band × period cell; `phase` says whether the period is before the war (baseline) or during it. */
export interface RegistryCount {
  sex: 'male' | 'female';
  ageBand: string;
  period: string;
  phase: 'baseline' | 'war';
  deaths: number;
}

/** Of the named persons (the register) in an age band, how many were found in the registry. */
export interface RegistryMatch {
  ageBand: string;
  named: number;
  found: number;
}

/** Bad registry input; the message names the line and column at fault. */
export class RegistryInputError extends PatternTableError {}

const SEX: Record<string, 'male' | 'female'> = {
  male: 'male',
  m: 'male',
  man: 'male',
  men: 'male',
  female: 'female',
  f: 'female',
  woman: 'female',
  women: 'female',
};
const PHASE: Record<string, 'baseline' | 'war'> = {
  baseline: 'baseline',
  before: 'baseline',
  prewar: 'baseline',
  'pre-war': 'baseline',
  war: 'war',
  during: 'war',
};

function columns(header: readonly string[], needed: readonly string[], what: string): Map<string, number> {
  const idx = new Map<string, number>();
  header.forEach((h, i) => idx.set(h.trim().toLowerCase(), i));
  const missing = needed.filter((c) => !idx.has(c));
  if (missing.length > 0)
    throw new RegistryInputError(
      `the ${what} file needs the column(s) ${missing.join(', ')}; its header is: ${header.join(',')}`,
    );
  return idx;
}

function count(raw: string | undefined, line: number, column: string): number {
  const v = (raw ?? '').trim();
  if (!/^\d+$/.test(v))
    throw new RegistryInputError(
      `line ${line}, column ${column}: expected a non-negative whole number, found "${v}"`,
    );
  return Number(v);
}

function text(raw: string | undefined, line: number, column: string): string {
  const v = (raw ?? '').trim();
  if (v === '') throw new RegistryInputError(`line ${line}, column ${column}: empty value`);
  return v;
}

/** Reads registry count rows (columns sex, age_band, period, phase, deaths, in any order). */
export function registryCountsFromRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  firstLine = 2,
): RegistryCount[] {
  const c = columns(header, ['sex', 'age_band', 'period', 'phase', 'deaths'], 'registry counts');
  const at = (row: readonly string[], name: string): string | undefined => row[c.get(name) ?? -1];
  return rows.map((row, i) => {
    const line = firstLine + i;
    if (row.length !== header.length)
      throw new RegistryInputError(`line ${line}: expected ${header.length} columns, found ${row.length}`);
    const sexRaw = text(at(row, 'sex'), line, 'sex').toLowerCase();
    const sex = SEX[sexRaw];
    if (!sex)
      throw new RegistryInputError(`line ${line}, column sex: expected male or female, found "${sexRaw}"`);
    const phaseRaw = text(at(row, 'phase'), line, 'phase').toLowerCase();
    const phase = PHASE[phaseRaw];
    if (!phase)
      throw new RegistryInputError(
        `line ${line}, column phase: expected baseline or war, found "${phaseRaw}"`,
      );
    return {
      sex,
      phase,
      ageBand: text(at(row, 'age_band'), line, 'age_band'),
      period: text(at(row, 'period'), line, 'period'),
      deaths: count(at(row, 'deaths'), line, 'deaths'),
    };
  });
}

/** Reads match rows (columns age_band, named, found): named persons sought in the registry and found there. */
export function registryMatchesFromRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  firstLine = 2,
): RegistryMatch[] {
  const c = columns(header, ['age_band', 'named', 'found'], 'registry matches');
  const at = (row: readonly string[], name: string): string | undefined => row[c.get(name) ?? -1];
  return rows.map((row, i) => {
    const line = firstLine + i;
    if (row.length !== header.length)
      throw new RegistryInputError(`line ${line}: expected ${header.length} columns, found ${row.length}`);
    const named = count(at(row, 'named'), line, 'named');
    const found = count(at(row, 'found'), line, 'found');
    if (found > named)
      throw new RegistryInputError(
        `line ${line}, column found: ${found} found is more than the ${named} named`,
      );
    return { ageBand: text(at(row, 'age_band'), line, 'age_band'), named, found };
  });
}
