import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { toJson } from '../../db/dialect.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { deleteStagedData, deleteStagedFixes, insertStagedImport, listStagedImports, updateStagedImport } from '../../db/repositories/staged-import.repository.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize, can } from '../auth/policy.js';
import { readFileColumns } from './file-columns.js';
import type { ImportProblem } from './import.schemas.js';
import { importRecordsWithin, ImportRejected } from './import.service.js';
import { assertStaged, columnsOf, fileErrorOf, fixesOf, mappingFor, StagedFileUnsupported, StagedImportRefused, stagedView, visibleStaged } from './staged-common.js';
import { withStagedFile, storeStagedBytes } from './staged-file.js';
import { mappingBodySchema, stagedQueueQuerySchema, type MappingBody, type StagedImportView } from './staged-import.schemas.js';
import { stagedRows } from './staged-rows.js';

// Bulk import in the browser: a record file is uploaded and staged (its bytes in the database), its columns
// mapped, previewed and reviewed row by row, then committed all-or-nothing through the same import the
// CLI runs (IMPORT-ATOMIC), or discarded. Contributors act on their own staged files; verifiers and admins
// on all. Audit events hold ids, hashes and counts; the file name and a discard's reason stay on the staged
// import's own row (AUD-PRIV).

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function formatOf(path: string): Promise<'csv' | 'xlsx' | 'xls'> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
    if (bytesRead === 8 && head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** The file name as shown to reviewers: no path, no control characters, 200 characters at most. */
function displayName(name: string | undefined, format: 'csv' | 'xlsx'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) ?? '';
  return base === '' ? `upload.${format}` : base;
}

/**
 * Stages an uploaded record file (already written to `path`, at most 50 MB): checks its bytes are the declared
 * format (415 otherwise; XLSX through the ZIP-bomb guard), reads its header row (400 when it cannot), and keeps
 * its bytes. Audited as `import.stage`.
 */
export async function stageImport(db: Db, user: SessionUser, input: { path: string; declared: 'csv' | 'xlsx'; name?: string | undefined }): Promise<StagedImportView> {
  authorize(user.role, 'import.stage');
  const format = await formatOf(input.path);
  if (format === 'xls') throw new StagedFileUnsupported('an Excel 97–2003 (.xls) workbook: save it as .xlsx or as CSV UTF-8');
  if (format !== input.declared) throw new StagedFileUnsupported(format === 'xlsx' ? 'the file is an XLSX workbook (a ZIP archive), not text/csv' : 'the file is not an XLSX workbook (no ZIP archive)');
  const fileName = displayName(input.name, format);
  let columns;
  try {
    columns = await readFileColumns(input.path, format, fileName);
  } catch (error) {
    throw fileErrorOf(error, input.path, fileName);
  }
  const [sha256, size] = [await sha256Of(input.path), (await stat(input.path)).size];
  const id = newId();
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await insertStagedImport(trx, {
      id, file_name: fileName, sha256, format, size, state: 'staged', columns: toJson(columns) ?? '{}', mapping: null, person_column: null,
      preview: null, preview_run: null, import_id: null, created_by: user.username, created_at: now, updated_at: now, decided_by: null, decided_at: null,
    });
    await storeStagedBytes(trx, id, input.path);
    await appendAudit(trx, db.dialect, { actor: user.username, action: 'import.stage', entity: 'staged_import', entityId: id, after: { sha256, size, format }, at: now });
  });
  return stagedView(await visibleStaged(db, user, id));
}

/** One staged import (contributors: their own). */
export async function getStagedImport(db: Db, user: SessionUser, id: string): Promise<StagedImportView> {
  return stagedView(await visibleStaged(db, user, id));
}

/** The import-review queue: files waiting for review and commit, oldest first (contributors: their own). */
export async function stagedQueue(db: Db, user: SessionUser, query: { limit?: number; offset?: number }): Promise<StagedImportView[]> {
  authorize(user.role, 'import.stage');
  const q = stagedQueueQuerySchema.parse(query);
  const rows = await listStagedImports(db.kysely, { state: 'staged', limit: q.limit, offset: q.offset, ...(can(user.role, 'import.all') ? {} : { createdBy: user.username }) });
  return rows.map(stagedView);
}

/** What a commit did. */
export interface CommitResult {
  importId: string;
  rows: number;
  persons: number;
  sources: number;
  claims: number;
  warnings: number;
  excluded: number;
  fixed: number;
}

/**
 * Commits a staged file all-or-nothing (IMPORT-ATOMIC): one transaction reads it under the mapping, with the
 * reviewers' fixes and without the excluded rows, writes persons, sources and claims, and closes the staged
 * import. Any row with an error left refuses the whole commit (409) and writes nothing; so does a stored file
 * whose bytes no longer have the SHA-256 recorded at upload.
 */
export async function commitStaged(db: Db, user: SessionUser, id: string, body: MappingBody): Promise<CommitResult> {
  const input = mappingBodySchema.parse(body);
  const s = await visibleStaged(db, user, id);
  assertStaged(s);
  const mapping = mappingFor(s, input.mapping);
  const personColumn = input.personColumn ?? s.person_column ?? undefined;
  const fixes = await fixesOf(db, id);
  const counts = { excluded: 0, fixed: 0 };
  // The first errors, for the refusal (the summary's problem list may be full of warnings).
  const errors: string[] = [];
  const noteErrors = (_item: unknown, problems: readonly ImportProblem[]): void => {
    for (const p of problems) if (p.severity === 'error' && errors.length < 20) errors.push(`row ${p.row}, column ${p.column}: ${p.message}`);
  };
  return withStagedFile(db, id, async (path) => {
    // The bytes rebuilt from the stored chunks must be the bytes uploaded and reviewed: a chunk altered or lost
    // in the database would otherwise commit rows nobody saw.
    const rebuilt = await sha256Of(path);
    if (rebuilt !== s.sha256) throw new StagedImportRefused(`not committed, nothing written: the stored file no longer matches its upload (SHA-256 ${rebuilt.slice(0, 12)}…, uploaded ${s.sha256.slice(0, 12)}…); discard it and upload the file again`);
    try {
      return await db.kysely.transaction().execute(async (trx) => {
        const options = { actor: user.username, fileName: s.file_name, fileSha256: s.sha256, format: s.format === 'xlsx' ? 'xlsx' : 'csv', ...(personColumn === undefined ? {} : { personColumn }) } as const;
        const summary = await importRecordsWithin(db, trx, stagedRows(path, options.format, mapping, fixes, counts), options, noteErrors);
        const now = new Date().toISOString();
        const importId = summary.importId ?? '';
        if (!(await updateStagedImport(trx, id, { state: 'committed', import_id: importId, mapping: toJson(mapping), person_column: personColumn ?? null, decided_by: user.username, decided_at: now, updated_at: now }, 'staged'))) {
          throw new StagedImportRefused('this import was committed or discarded meanwhile');
        }
        await deleteStagedData(trx, id);
        const result: CommitResult = { importId, rows: summary.rows, persons: summary.persons, sources: summary.sources, claims: summary.claims, warnings: summary.warnings, ...counts };
        await appendAudit(trx, db.dialect, { actor: user.username, action: 'import.staged.commit', entity: 'staged_import', entityId: id, after: { ...result }, at: now });
        return result;
      });
    } catch (error) {
      if (error instanceof ImportRejected) throw new StagedImportRefused(`not committed, nothing written: ${error.summary.errors} problem(s) left to fix or exclude`, errors);
      throw fileErrorOf(error, path, s.file_name);
    }
  });
}

/** Discards a staged file: its bytes, sample rows, cached rows and fixes are dropped; the record that it existed (with the reason) stays. Audited. */
export async function discardStaged(db: Db, user: SessionUser, id: string, reason: string): Promise<StagedImportView> {
  const s = await visibleStaged(db, user, id);
  assertStaged(s);
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    if (!(await updateStagedImport(trx, id, { state: 'discarded', decided_by: user.username, decided_at: now, decision_reason: reason, updated_at: now }, 'staged'))) {
      throw new StagedImportRefused('this import was committed or discarded meanwhile');
    }
    await deleteStagedData(trx, id);
    await deleteStagedFixes(trx, id);
    await updateStagedImport(trx, id, { columns: toJson({ ...columnsOf(s), sample: [] }) ?? '{}' });
    await appendAudit(trx, db.dialect, { actor: user.username, action: 'import.staged.discard', entity: 'staged_import', entityId: id, at: now });
  });
  return stagedView(await visibleStaged(db, user, id));
}

