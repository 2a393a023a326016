import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { bulkPathWithin, type BulkPath } from '../../db/repositories/bulk.js';
import { insertClaims, insertSources } from '../../db/repositories/claim.repository.js';
import { insertImport, setImportRows } from '../../db/repositories/import.repository.js';
import { fillPersonBlanks, insertPersons } from '../../db/repositories/person.repository.js';
import { addClaimAliases } from '../person/person-aliases.service.js';
import type { Database } from '../../db/schema.js';
import type { ImportBatch } from './import-batch.js';
import { ImportPlan, type ImportRow } from './import-plan.js';
import { importOptionsSchema, type ImportOptions, type ImportProblem, type ImportSummary } from './import.schemas.js';

export type { ImportRow } from './import-plan.js';

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

/** Writes one batch of an import inside its transaction. */
export async function flush(trx: Kysely<Database>, batch: ImportBatch, path: BulkPath): Promise<void> {
  await insertPersons(trx, batch.persons, path);
  await insertSources(trx, batch.sources, path);
  await insertClaims(trx, batch.claims, path);
  await flushLaterRows(trx, batch, path);
}

/** A batch's rows about persons an earlier row created: blanks they fill, other spellings they give. */
export async function flushLaterRows(trx: Kysely<Database>, batch: Pick<ImportBatch, 'fills' | 'laterClaims'>, path: BulkPath): Promise<void> {
  for (const f of batch.fills) await fillPersonBlanks(trx, f.id, f.values);
  if (batch.laterClaims.length > 0) await addClaimAliases(trx, batch.laterClaims, path);
}

type ImportRows = AsyncIterable<ImportRow | readonly ImportRow[]> | Iterable<ImportRow | readonly ImportRow[]>;
type ParsedOptions = ReturnType<typeof importOptionsSchema.parse>;

/** Called once per row read, with the problems found in it (file problems, record problems, a repeated record_id). */
export type RowHook = (item: ImportRow, problems: readonly ImportProblem[]) => void;

/**
 * Imports record rows all-or-nothing (IMPORT-ATOMIC): each row becomes a source and a claim about a person;
 * any error rolls everything back and is reported with its row and column. A dry run writes nothing.
 */
export async function importRecords(db: Db, rows: ImportRows, input: ImportOptions, onRow?: RowHook): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(input);
  if (options.dryRun) return runImport(db, null, rows, options, onRow);
  return db.kysely.transaction().execute((trx) => runImport(db, trx, rows, options, onRow));
}

/** importRecords inside the caller's transaction (which the caller rolls back on ImportRejected); it writes, so no dry run. */
export async function importRecordsWithin(db: Db, trx: Kysely<Database>, rows: ImportRows, input: ImportOptions, onRow?: RowHook): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(input);
  if (options.dryRun) throw new Error('importRecordsWithin writes: use importRecords for a dry run');
  return runImport(db, trx, rows, options, onRow);
}

async function runImport(db: Db, trx: Kysely<Database> | null, rows: ImportRows, options: ParsedOptions, onRow: RowHook | undefined): Promise<ImportSummary> {
  const importId = newId();
  const now = new Date().toISOString();
  const plan = new ImportPlan({ importId, now, actor: options.actor, personColumn: options.personColumn, batchSize: options.batchSize, dryRun: trx === null });
  if (trx !== null) await startImport(trx, importId, now, options);
  const path = trx === null ? null : await bulkPathWithin(db, trx);
  for await (const chunk of rows) {
    // Readers may hand over whole batches of rows: one await per batch instead of one per row.
    for (const item of Array.isArray(chunk) ? (chunk as readonly ImportRow[]) : [chunk as ImportRow]) {
      const problems = plan.add(item);
      onRow?.(item, problems);
      if (plan.full) {
        const batch = plan.take();
        if (trx !== null) await flush(trx, batch, path);
      }
    }
  }
  const summary = plan.summary;
  if (summary.errors > 0) throw new ImportRejected(summary);
  if (trx === null) return summary;
  await flush(trx, plan.take(), path);
  return finishImport(db, trx, importId, options, summary);
}

/** The imports row an import's sources and claims point to (its row count set when it finishes). */
export async function startImport(trx: Kysely<Database>, importId: string, now: string, options: Pick<ParsedOptions, 'fileName' | 'fileSha256' | 'format' | 'actor'>): Promise<void> {
  await insertImport(trx, { id: importId, file_name: options.fileName, file_sha256: options.fileSha256, format: options.format, rows: 0, created_by: options.actor, created_at: now });
}

/** Records a written import: its row count and one audit event (no file name: AUD-PRIV). */
export async function finishImport(db: Db, trx: Kysely<Database>, importId: string, options: Pick<ParsedOptions, 'actor' | 'fileSha256'>, summary: ImportSummary): Promise<ImportSummary> {
  await setImportRows(trx, importId, summary.rows);
  await appendAudit(trx, db.dialect, {
    actor: options.actor,
    action: 'import.commit',
    entity: 'import',
    entityId: importId,
    after: { sha256: options.fileSha256, rows: summary.rows, persons: summary.persons, claims: summary.claims },
  });
  summary.importId = importId;
  return summary;
}
