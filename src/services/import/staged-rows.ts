import type { ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import type { RecordColumn, RecordRow } from '../../core/record/record.schemas.js';
import { readRecordFileBatches } from '../files/record-file-reader.js';
import type { ImportRow } from './import.service.js';

/** A reviewer's decision on one row: corrected record-column values ("" clears a column), or an exclusion. */
export type RowFix = { action: 'fix'; values: Partial<Record<RecordColumn, string>> } | { action: 'exclude'; reason: string };

/** A record with a reviewer's corrected values put in. */
export function applyFix(record: RecordRow, values: Partial<Record<RecordColumn, string>>): RecordRow {
  const out: RecordRow = { ...record };
  for (const [column, value] of Object.entries(values) as [RecordColumn, string][]) {
    if (value === '') Reflect.deleteProperty(out, column);
    else out[column] = value;
  }
  return out;
}

/** The row as the import will see it: excluded (null), corrected (the reader's problems answered by the fix), or as read. */
export function reviewedRow(item: ImportRow, fix: RowFix | undefined): ImportRow | null {
  if (fix?.action === 'exclude') return null;
  if (fix?.action === 'fix') return { row: item.row, record: applyFix(item.record, fix.values) };
  return item;
}

/**
 * The rows of a staged file under a mapping, with the reviewers' fixes applied and excluded rows left out,
 * in the reader's batches. `between` runs before each batch is read (a preview flushes what it found);
 * `originals` holds the current batch's rows as read, before any fix.
 */
export async function* stagedRows(
  path: string,
  format: 'csv' | 'xlsx',
  mapping: ColumnMapping | undefined,
  fixes: ReadonlyMap<number, RowFix>,
  counts: { excluded: number; fixed: number },
  between?: () => Promise<void>,
  originals?: Map<number, ImportRow>,
): AsyncGenerator<ImportRow[]> {
  for await (const batch of readRecordFileBatches(path, { format, mapping })) {
    const out: ImportRow[] = [];
    originals?.clear();
    for (const item of batch) {
      originals?.set(item.row, item);
      const fix = fixes.get(item.row);
      const row = reviewedRow(item, fix);
      if (fix?.action === 'exclude') counts.excluded++;
      if (fix?.action === 'fix') counts.fixed++;
      if (row !== null) out.push(row);
    }
    yield out;
    if (between) await between();
  }
}
