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
import { addClaimAliases } from '../person/person-aliases.service.js';
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
  if (batch.laterClaims.length > 0) await addClaimAliases(trx, batch.laterClaims, path);
}

function personKeyOf(record: RecordRow, column: string | undefined): string | null {
  if (column === undefined) return null;
  const value = (record as Record<string, unknown>)[column] ?? record.extra?.[column];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
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
  const summary: ImportSummary = {
    importId: null,
    dryRun: trx === null,
    rows: 0,
    persons: 0,
    sources: 0,
    claims: 0,
    errors: 0,
    warnings: 0,
    problems: [],
  };
  let rowProblems: ImportProblem[] = [];
  const note = (p: ImportProblem): void => {
    if (p.severity === 'error') summary.errors++;
    else summary.warnings++;
    if (summary.problems.length < MAX_PROBLEMS) summary.problems.push(p);
    rowProblems.push(p);
  };

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
    for (const item of Array.isArray(chunk) ? (chunk as readonly ImportRow[]) : [chunk as ImportRow]) {
      const { row, record, problems } = item;
      rowProblems = [];
      summary.rows++;
      for (const p of problems ?? []) note({ row, column: p.column ?? '(row)', severity: 'error', message: p.message });
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
      onRow?.(item, rowProblems);
      if (summary.errors > 0) continue;
      const ctx = { importId, actor: options.actor, now, rowNumber: row };
      const key = personKeyOf(record, options.personColumn);
      let personId = key === null ? undefined : personIds.get(key);
      const earlierPerson = personId !== undefined;
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
      const claim = claimRow(record, personId, source.id, ctx);
      batch.claims.push(claim);
      if (earlierPerson) batch.laterClaims.push(claim);
      summary.sources++;
      summary.claims++;
      if (batch.claims.length >= options.batchSize) {
        if (trx !== null) await flush(trx, batch, bulkPathOf(db));
        batch = emptyBatch();
      }
    }
  }
  if (summary.errors > 0) throw new ImportRejected(summary);
  if (trx === null) return summary;
  await flush(trx, batch, bulkPathOf(db));
  await setImportRows(trx, importId, summary.rows);
  await appendAudit(trx, db.dialect, {
    actor: options.actor,
    action: 'import.commit',
    entity: 'import',
    entityId: importId,
    after: {
      sha256: options.fileSha256,
      rows: summary.rows,
      persons: summary.persons,
      claims: summary.claims,
    },
  });
  summary.importId = importId;
  return summary;
}
