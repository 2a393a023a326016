import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, StagedImportFixesTable, StagedImportRowsTable, StagedImportsTable } from '../schema.js';
import { insertMany, type BulkPath } from './bulk.js';

export type StagedImportRow = Selectable<StagedImportsTable>;
export type StagedFixRow = Selectable<StagedImportFixesTable>;
export type StagedProblemRow = Selectable<StagedImportRowsTable>;

/** Records an uploaded file waiting for review. */
export async function insertStagedImport(db: Kysely<Database>, row: Insertable<StagedImportsTable>): Promise<void> {
  await db.insertInto('staged_imports').values(row).execute();
}

/** One staged import by id. */
export function findStagedImport(db: Kysely<Database>, id: string): Promise<StagedImportRow | undefined> {
  return db.selectFrom('staged_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Staged imports in a state, oldest first; only one account's when `createdBy` is given. */
export function listStagedImports(db: Kysely<Database>, f: { state: string; createdBy?: string; limit: number; offset: number }): Promise<StagedImportRow[]> {
  let q = db.selectFrom('staged_imports').selectAll().where('state', '=', f.state);
  if (f.createdBy !== undefined) q = q.where('created_by', '=', f.createdBy);
  return q.orderBy('created_at').orderBy('id').limit(f.limit).offset(f.offset).execute();
}

/** Changes a staged import; with `fromState`, only if it is still in that state (false otherwise). */
export async function updateStagedImport(db: Kysely<Database>, id: string, changes: Updateable<StagedImportsTable>, fromState?: string): Promise<boolean> {
  let q = db.updateTable('staged_imports').set(changes).where('id', '=', id);
  if (fromState !== undefined) q = q.where('state', '=', fromState);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** Stores one chunk of a staged file's bytes. */
export async function insertStagedChunk(db: Kysely<Database>, stagedId: string, seq: number, bytes: Buffer): Promise<void> {
  await db.insertInto('staged_import_chunks').values({ staged_id: stagedId, seq, bytes }).execute();
}

/** One chunk of a staged file, or undefined past its end. */
export async function readStagedChunk(db: Kysely<Database>, stagedId: string, seq: number): Promise<Buffer | undefined> {
  const r = await db.selectFrom('staged_import_chunks').select('bytes').where('staged_id', '=', stagedId).where('seq', '=', seq).executeTakeFirst();
  return r === undefined ? undefined : Buffer.from(r.bytes);
}

/** Forgets a staged file's bytes and its cached problem rows (after commit or discard). */
export async function deleteStagedData(db: Kysely<Database>, stagedId: string): Promise<void> {
  await db.deleteFrom('staged_import_chunks').where('staged_id', '=', stagedId).execute();
  await db.deleteFrom('staged_import_rows').where('staged_id', '=', stagedId).execute();
}

/** Forgets the reviewers' fixes of a staged file (a discarded file's corrected values are personal data). */
export async function deleteStagedFixes(db: Kysely<Database>, stagedId: string): Promise<void> {
  await db.deleteFrom('staged_import_fixes').where('staged_id', '=', stagedId).execute();
}

/** Sets (or replaces) a reviewer's fix or exclusion of one row. */
export async function upsertStagedFix(db: Kysely<Database>, row: Insertable<StagedImportFixesTable>): Promise<void> {
  await db.deleteFrom('staged_import_fixes').where('staged_id', '=', row.staged_id).where('row_number', '=', row.row_number).execute();
  await db.insertInto('staged_import_fixes').values(row).execute();
}

/** Removes a row's fix or exclusion. */
export async function deleteStagedFix(db: Kysely<Database>, stagedId: string, row: number): Promise<void> {
  await db.deleteFrom('staged_import_fixes').where('staged_id', '=', stagedId).where('row_number', '=', row).execute();
}

/** Every fix and exclusion of a staged import. */
export function listStagedFixes(db: Kysely<Database>, stagedId: string): Promise<StagedFixRow[]> {
  return db.selectFrom('staged_import_fixes').selectAll().where('staged_id', '=', stagedId).orderBy('row_number').execute();
}

/** Caches problem rows found by a preview run. */
export function insertProblemRows(db: Kysely<Database>, rows: readonly Insertable<StagedImportRowsTable>[], path: BulkPath = null): Promise<void> {
  return insertMany(db, 'staged_import_rows', rows, path);
}

/** Replaces one cached row after a fix or exclusion (`row` null: forget it). */
export async function replaceProblemRow(db: Kysely<Database>, key: { staged_id: string; run: string; row_number: number }, row: Insertable<StagedImportRowsTable> | null): Promise<void> {
  await db.deleteFrom('staged_import_rows').where('staged_id', '=', key.staged_id).where('run', '=', key.run).where('row_number', '=', key.row_number).execute();
  if (row !== null) await db.insertInto('staged_import_rows').values(row).execute();
}

/** Drops cached problem rows of every run but `keep`. */
export async function deleteOtherRuns(db: Kysely<Database>, stagedId: string, keep: string): Promise<void> {
  await db.deleteFrom('staged_import_rows').where('staged_id', '=', stagedId).where('run', '!=', keep).execute();
}

/** One cached row of a run, or undefined. */
export function findProblemRow(db: Kysely<Database>, stagedId: string, run: string, row: number): Promise<StagedProblemRow | undefined> {
  return db.selectFrom('staged_import_rows').selectAll().where('staged_id', '=', stagedId).where('run', '=', run).where('row_number', '=', row).executeTakeFirst();
}

/** Cached rows of a run that still have problems (only errors, if asked), in file order, paged. */
export function listProblemRows(db: Kysely<Database>, stagedId: string, run: string, page: { limit: number; offset: number; errorsOnly?: boolean }): Promise<StagedProblemRow[]> {
  return db
    .selectFrom('staged_import_rows')
    .selectAll()
    .where('staged_id', '=', stagedId)
    .where('run', '=', run)
    .where((eb) => (page.errorsOnly === true ? eb('errors', '>', 0) : eb.or([eb('errors', '>', 0), eb('warnings', '>', 0)])))
    .orderBy('row_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The cached rows of a run that still have problems: how many, how many with errors, and their errors and warnings. */
export async function countProblemRows(db: Kysely<Database>, stagedId: string, run: string): Promise<{ rows: number; withErrors: number; errors: number; warnings: number }> {
  const r = await db
    .selectFrom('staged_import_rows')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.sum<string | number | null>(eb.case().when('errors', '>', 0).then(1).else(0).end()).as('e'),
      eb.fn.sum<string | number | null>('errors').as('errors'),
      eb.fn.sum<string | number | null>('warnings').as('warnings'),
    ])
    .where('staged_id', '=', stagedId)
    .where('run', '=', run)
    .where((eb) => eb.or([eb('errors', '>', 0), eb('warnings', '>', 0)]))
    .executeTakeFirstOrThrow();
  return { rows: Number(r.n), withErrors: Number(r.e ?? 0), errors: Number(r.errors ?? 0), warnings: Number(r.warnings ?? 0) };
}

/** Drops the cached rows of one run (a preview that failed half way). */
export async function deleteRun(db: Kysely<Database>, stagedId: string, run: string): Promise<void> {
  await db.deleteFrom('staged_import_rows').where('staged_id', '=', stagedId).where('run', '=', run).execute();
}
