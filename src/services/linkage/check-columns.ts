import { LinkageInputError } from './linkage-input-error.js';
import type { LinkageSettings } from '../../core/linkage/settings.schemas.js';
import type { RecordFile } from './read-records.js';

const NAME_COLUMNS = ['surname', 'given_name', 'full_name'];

/**
 * Checks a file's header against the settings: throws when nothing comparable is present,
 * returns warnings for missing columns and for rows with no name (they are kept, not dropped).
 */
export function checkColumns(settings: LinkageSettings, file: RecordFile, label: string): string[] {
  const header = new Set(file.header);
  const warnings: string[] = [];
  if (header.has(settings.idColumn)) {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const row of file.rows) {
      const id = row[settings.idColumn]?.trim() ?? '';
      if (seen.has(id)) duplicates++;
      seen.add(id);
    }
    if (duplicates > 0) warnings.push(`${label}: ${duplicates} repeated ${settings.idColumn} values; every row is still written, in input order`);
  }
  if (settings.prepare === 'person-register') {
    if (!NAME_COLUMNS.some((c) => header.has(c))) {
      throw new LinkageInputError(`${label}: no name column; expected surname, given_name or full_name (found: ${file.header.join(', ')})`);
    }
    if (!header.has('record_id')) warnings.push(`${label}: no record_id column; row numbers are used as record ids`);
    file.rows.forEach((row, r) => {
      if (NAME_COLUMNS.every((c) => (row[c] ?? '').trim() === '')) warnings.push(`${label} row ${r + 2}: empty name; the record is kept but can only match on other fields`);
    });
    return warnings;
  }
  const sources = settings.columns.flatMap((c) => c.sources ?? [c.source ?? c.name]);
  const missing = [...new Set(sources.filter((s) => !header.has(s)))];
  if (missing.length === sources.length) {
    throw new LinkageInputError(`${label}: none of the columns the settings compare are present (expected ${[...new Set(sources)].join(', ')})`);
  }
  if (missing.length > 0) warnings.push(`${label}: missing columns ${missing.join(', ')}; they count as unknown`);
  if (!header.has(settings.idColumn)) warnings.push(`${label}: no ${settings.idColumn} column; row numbers are used as record ids`);
  return warnings;
}
