import type { ColumnMapping, StagedImportView } from '../../api/imports.js';
import { isRecordColumn, type RecordColumn } from './record-columns.js';

// Column choices as the form keeps them: a record column, KEEP (left out of the mapping: guessed, else
// kept as extra data) or IGNORE (null: dropped).
export const KEEP = '';
export const IGNORE = '-';
export type Choices = Readonly<Record<string, string>>;

/** The form's starting choices: the last previewed mapping, else the suggested one. */
export function initialChoices(view: StagedImportView): Choices {
  const mapping = view.mapping ?? view.suggested;
  const out: Record<string, string> = {};
  for (const header of view.columns) {
    const target = Object.hasOwn(mapping.columns, header) ? mapping.columns[header] : undefined;
    out[header] = target === undefined ? KEEP : target === null ? IGNORE : target;
  }
  return out;
}

/** The mapping the server reads the file with, from the form's choices (defaults kept from the last preview). */
export function mappingOf(view: StagedImportView, choices: Choices): ColumnMapping {
  const columns: Record<string, RecordColumn | null> = {};
  for (const header of view.columns) {
    const choice = choices[header] ?? KEEP;
    if (choice === IGNORE) columns[header] = null;
    else if (isRecordColumn(choice)) columns[header] = choice;
  }
  return { columns, defaults: view.mapping?.defaults ?? {} };
}

/** A record column two headers are mapped to (the server would refuse), or null. */
export function duplicateTarget(choices: Choices): RecordColumn | null {
  const seen = new Set<string>();
  for (const choice of Object.values(choices)) {
    if (!isRecordColumn(choice)) continue;
    if (seen.has(choice)) return choice;
    seen.add(choice);
  }
  return null;
}
