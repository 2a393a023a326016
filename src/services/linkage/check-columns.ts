import { LinkageInputError } from './linkage-input-error.js';
import type { RawRow } from '../../core/linkage/dataset.js';
import type { LinkageSettings } from '../../core/linkage/settings.schemas.js';
import { rowWarning, type RecordFile, type RowIssue } from './read-records.js';

const NAME_COLUMNS = ['surname', 'given_name', 'full_name'];

/** Warning for repeated ids (`ids`: each row's trimmed id, '' when empty), when the header has the id column. */
export function duplicateIdWarnings(settings: LinkageSettings, header: readonly string[], ids: Iterable<string>, label: string): string[] {
  if (!header.includes(settings.idColumn)) return [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const id of ids) {
    if (seen.has(id)) duplicates++;
    seen.add(id);
  }
  return duplicates > 0 ? [`${label}: ${duplicates} repeated ${settings.idColumn} values; every row is still written, in input order`] : [];
}

/** Header checks: throws when nothing comparable is present, returns warnings for missing columns. */
export function headerWarnings(settings: LinkageSettings, header: readonly string[], label: string): string[] {
  const has = new Set(header);
  if (settings.prepare === 'person-register') {
    if (!NAME_COLUMNS.some((c) => has.has(c))) {
      throw new LinkageInputError(`${label}: no name column; expected surname, given_name or full_name (found: ${header.join(', ')})`);
    }
    return has.has('record_id') ? [] : [`${label}: no record_id column; row numbers are used as record ids`];
  }
  const sources = settings.columns.flatMap((c) => c.sources ?? [c.source ?? c.name]);
  const missing = [...new Set(sources.filter((s) => !has.has(s)))];
  if (missing.length === sources.length) {
    throw new LinkageInputError(`${label}: none of the columns the settings compare are present (expected ${[...new Set(sources)].join(', ')})`);
  }
  const warnings: string[] = [];
  if (missing.length > 0) warnings.push(`${label}: missing columns ${missing.join(', ')}; they count as unknown`);
  if (!has.has(settings.idColumn)) warnings.push(`${label}: no ${settings.idColumn} column; row numbers are used as record ids`);
  return warnings;
}

/** Rows with no name at all (person register): kept, but worth a warning. */
export function emptyNameIssues(settings: LinkageSettings, rows: readonly RawRow[]): RowIssue[] {
  if (settings.prepare !== 'person-register') return [];
  const issues: RowIssue[] = [];
  rows.forEach((row, r) => {
    if (NAME_COLUMNS.every((c) => (row[c] ?? '').trim() === '')) issues.push({ row: r, text: 'empty name; the record is kept but can only match on other fields' });
  });
  return issues;
}

/**
 * Checks a file's header against the settings: throws when nothing comparable is present,
 * returns warnings for missing columns and for rows with no name (they are kept, not dropped).
 */
export function checkColumns(settings: LinkageSettings, file: RecordFile, label: string): string[] {
  const ids = file.rows.map((row) => row[settings.idColumn]?.trim() ?? '');
  return [
    ...duplicateIdWarnings(settings, file.header, ids, label),
    ...headerWarnings(settings, file.header, label),
    ...emptyNameIssues(settings, file.rows).map((i) => rowWarning(label, i)),
  ];
}
