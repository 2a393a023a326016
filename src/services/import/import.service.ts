import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import { deriveRecord } from '../../core/record/record-to-person.js';
import type { RecordRow } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { bulkPathOf, type BulkPath } from '../../db/repositories/bulk.js';
import { insertClaims, insertSources } from '../../db/repositories/claim.repository.js';
import { insertImport, setImportRows } from '../../db/repositories/import.repository.js';
import { fillPersonBlanks, insertPersons } from '../../db/repositories/person.repository.js';
import type { Database } from '../../db/schema.js';
import { claimRow, emptyBatch, personValues, sourceRow, type ImportBatch } from './import-batch.js';
import {
  importOptionsSchema,
  type ImportOptions,
  type ImportProblem,
  type ImportSummary,
} from './import.schemas.js';

const MAX_PROBLEMS = 1_000;

/** Thrown when a file has errors: nothing was written; `summary.problems` names each row and column. */
export class ImportRejected extends Error {
  constructor(readonly summary: ImportSummary) {
    const first = summary.problems.find((p) => p.severity === 'error');
    super(
      `import rejected, nothing written: ${summary.errors} error(s)` +
        (first ? `; first at row ${first.row}, column ${first.column}: ${first.message}` : ''),
    );
  }
}

export interface ImportRow {
  row: number;
  record: RecordRow;
  /** Problems the file reader found in this row (ragged row, control characters, …): always errors. */
  problems?: readonly { column?: string; message: string }[];
}

async function flush(trx: Kysely<Database>, batch: ImportBatch, path: BulkPath): Promise<void> {
  await insertPersons(trx, batch.persons, path);
  await insertSources(trx, batch.sources, path);
  await insertClaims(trx, batch.claims, path);
  for (const f of batch.fills) await fillPersonBlanks(trx, f.id, f.values);
}

function personKeyOf(record: RecordRow, column: string | undefined): string | null {
  if (column === undefined) return null;
  const value = (record as Record<string, unknown>)[column] ?? record.extra?.[column];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Imports record rows all-or-nothing (IMPORT-ATOMIC): each row becomes a source and a claim about a person;
 * any error rolls everything back and is reported with its row and column. A dry run writes nothing.
 */
export async function importRecords(
  db: Db,
  rows: AsyncIterable<ImportRow | readonly ImportRow[]> | Iterable<ImportRow | readonly ImportRow[]>,
  input: ImportOptions,
): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(input);
  const summary: ImportSummary = {
    importId: null,
    dryRun: options.dryRun,
    rows: 0,
    persons: 0,
    sources: 0,
    claims: 0,
    errors: 0,
    warnings: 0,
    problems: [],
  };
  const note = (p: ImportProblem): void => {
    if (p.severity === 'error') summary.errors++;
    else summary.warnings++;
    if (summary.problems.length < MAX_PROBLEMS) summary.problems.push(p);
  };

  const run = async (trx: Kysely<Database> | null): Promise<void> => {
    const importId = newId();
    const now = new Date().toISOString();
    const personIds = new Map<string, string>();
    const recordIds = new Set<string>();
    let batch = emptyBatch();
    if (trx !== null) {
      await insertImport(trx, {
        id: importId,
        file_name: options.fileName,
        file_sha256: options.fileSha256,
        format: options.format,
        rows: 0,
        created_by: options.actor,
        created_at: now,
      });
    }
    for await (const chunk of rows) {
      // Readers may hand over whole batches of rows: one await per batch instead of one per row.
      for (const { row, record, problems } of Array.isArray(chunk)
        ? (chunk as readonly ImportRow[])
        : [chunk as ImportRow]) {
        summary.rows++;
        for (const p of problems ?? [])
          note({ row, column: p.column ?? '(row)', severity: 'error', message: p.message });
        const derived = deriveRecord(record);
        for (const p of derived.problems) note({ row, ...p });
        const rid = record.record_id?.trim();
        if (rid) {
          if (recordIds.has(rid))
            note({
              row,
              column: 'record_id',
              severity: 'error',
              message: `record_id "${rid.slice(0, 40)}" appears twice in this file`,
            });
          recordIds.add(rid);
        }
        if (summary.errors > 0) continue;
        const ctx = { importId, actor: options.actor, now, rowNumber: row };
        const key = personKeyOf(record, options.personColumn);
        let personId = key === null ? undefined : personIds.get(key);
        if (personId === undefined) {
          personId = newId();
          if (key !== null) personIds.set(key, personId);
          batch.persons.push({
            id: personId,
            ...personValues(derived),
            created_by: options.actor,
            created_at: now,
            updated_at: now,
          });
          summary.persons++;
        } else {
          batch.fills.push({ id: personId, values: personValues(derived) });
        }
        const source = sourceRow(record, derived, ctx);
        batch.sources.push(source);
        batch.claims.push(claimRow(record, personId, source.id, ctx));
        summary.sources++;
        summary.claims++;
        if (batch.claims.length >= options.batchSize) {
          if (trx !== null) await flush(trx, batch, bulkPathOf(db));
          batch = emptyBatch();
        }
      }
    }
    if (summary.errors > 0) throw new ImportRejected(summary);
    if (trx === null) return;
    await flush(trx, batch, bulkPathOf(db));
    await setImportRows(trx, importId, summary.rows);
    await appendAudit(trx, db.dialect, {
      actor: options.actor,
      action: 'import.commit',
      entity: 'import',
      entityId: importId,
      after: {
        file: options.fileName,
        sha256: options.fileSha256,
        rows: summary.rows,
        persons: summary.persons,
        claims: summary.claims,
      },
    });
    summary.importId = importId;
  };

  if (options.dryRun) {
    await run(null);
    return summary;
  }
  await db.kysely.transaction().execute((trx) => run(trx));
  return summary;
}
