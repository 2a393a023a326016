import type { FieldValues } from '../../api/edits.js';

// How an edit's values are shown: the value as it was typed (a date as text, a region as named), with the
// code the register keeps beside it where there is one (region, category). Kept apart from React for tests.

/** The column holding the typed value of the fields that keep one apart from their normalised columns. */
const TYPED: Readonly<Record<string, string>> = {
  birth_date: 'birth_date_text',
  death_date: 'death_date_text',
  age: 'age_text',
  region: 'region_text',
  category: 'category_text',
};

/** The coded column of the fields that have one. */
const CODED: Readonly<Record<string, string>> = { region: 'region_code', category: 'category' };

/** The codes a cleared region or category falls back to: shown as empty, not as a value. */
const CLEARED_CODES: ReadonlySet<string> = new Set(['UNKNOWN', 'unknown']);

export interface ShownValue {
  /** The value as typed (or the column's value), null when the field is empty. */
  text: string | null;
  /** The register's code for it (region, category) when it has a meaningful one; the only value when imported without text. */
  code: string | null;
}

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v !== '';

/** One side (before or after) of a field edit, to show. */
export function shownValue(field: string, values: FieldValues): ShownValue {
  const typedColumn = TYPED[field] ?? field;
  const codeColumn = CODED[field];
  const rawCode = codeColumn === undefined ? undefined : values[codeColumn];
  const code = present(rawCode) && !CLEARED_CODES.has(rawCode) ? rawCode : null;
  let text: string | null = present(values[typedColumn]) ? (values[typedColumn] ?? null) : null;
  // A value recorded under another column (an older shape): the first non-empty one, else the code.
  if (text === null && !(typedColumn in values)) {
    const other = Object.entries(values).find(([k, v]) => k !== codeColumn && present(v));
    text = other?.[1] ?? null;
  }
  return { text, code: code === text ? null : code };
}
