import type { Insertable, Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import type { ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import type { Db } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { bulkPathOf } from '../../db/repositories/bulk.js';
import {
  countProblemRows,
  deleteOtherRuns,
  findProblemRow,
  deleteRun,
  deleteStagedFix,
  findStagedImport,
  insertProblemRows,
  listProblemRows,
  listStagedFixes,
  replaceProblemRow,
  updateStagedImport,
  upsertStagedFix,
  type StagedImportRow,
} from '../../db/repositories/staged-import.repository.js';
import type { Database, StagedImportRowsTable } from '../../db/schema.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { readRecordFileBatches } from '../files/record-file-reader.js';
import { NotFoundError } from '../person/person.service.js';
import type { ImportProblem, ImportSummary } from './import.schemas.js';
import { importRecords, ImportRejected, type ImportRow } from './import.service.js';
import { assertStaged, fileErrorOf, fixesOf, mappingFor, StagedFileInvalid, StagedImportRefused, visibleStaged } from './staged-common.js';
import { withStagedFile } from './staged-file.js';
import { mappingBodySchema, rowDecisionSchema, rowsQuerySchema, type MappingBody, type PreviewCounts, type PreviewResult, type RowDecision, type StagedRowView } from './staged-import.schemas.js';
import { reviewedRow, stagedRows, type RowFix } from './staged-rows.js';

// Reviewing a staged file before commit: a preview (the CLI's --dry-run) under a mapping, the rows with
// problems it found (cached per preview run), and a reviewer's fix or exclusion of one row.

type Fixes = Awaited<ReturnType<typeof fixesOf>>;
const formatOf = (s: StagedImportRow): 'csv' | 'xlsx' => (s.format === 'xlsx' ? 'xlsx' : 'csv');

/** A cached row of a preview run: as the import sees it, with its problems, and as read (`original`). */
function cachedRow(s: StagedImportRow, run: string, item: ImportRow, problems: readonly ImportProblem[], original: ImportRow): Insertable<StagedImportRowsTable> {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { staged_id: s.id, run, row_number: item.row, record: toJson(item.record) ?? '{}', original: toJson(original) ?? '{}', problems: toJson(problems) ?? '[]', errors, warnings: problems.length - errors };
}

function dryRunOptions(s: StagedImportRow, user: SessionUser, personColumn: string | undefined) {
  return { actor: user.username, fileName: s.file_name, fileSha256: s.sha256, format: formatOf(s), dryRun: true, ...(personColumn === undefined ? {} : { personColumn }) };
}

/** Reads a staged file through the import's own checks without writing; `onRow` sees each row's problems. */
async function dryRun(db: Db, s: StagedImportRow, user: SessionUser, rows: Parameters<typeof importRecords>[1], personColumn: string | undefined, onRow: Parameters<typeof importRecords>[3]): Promise<ImportSummary> {
  try {
    return await importRecords(db, rows, dryRunOptions(s, user, personColumn), onRow);
  } catch (error) {
    if (error instanceof ImportRejected) return error.summary;
    throw error;
  }
}

async function runPreview(db: Db, user: SessionUser, s: StagedImportRow, mapping: ColumnMapping, personColumn: string | undefined): Promise<PreviewResult> {
  const fixes = await fixesOf(db, s.id);
  const run = newId();
  const found: Insertable<StagedImportRowsTable>[] = [];
  // Problem rows go to the database batch by batch, so memory stays flat however many rows have problems.
  const flush = async (): Promise<void> => {
    const rows = found.splice(0);
    if (rows.length > 0) await db.kysely.transaction().execute((trx) => insertProblemRows(trx, rows, bulkPathOf(db)));
  };
  const counts = { excluded: 0, fixed: 0 };
  const originals = new Map<number, ImportRow>();
  let summary: ImportSummary;
  try {
    summary = await withStagedFile(db, s.id, async (path) => {
      try {
        return await dryRun(db, s, user, stagedRows(path, formatOf(s), mapping, fixes, counts, flush, originals), personColumn, (item, problems) => {
          if (problems.length > 0) found.push(cachedRow(s, run, item, problems, originals.get(item.row) ?? item));
        });
      } catch (error) {
        throw fileErrorOf(error, path, s.file_name);
      }
    });
    await flush();
  } catch (error) {
    await deleteRun(db.kysely, s.id, run);
    throw error;
  }
  const cached = await countProblemRows(db.kysely, s.id, run);
  // While errors remain the import stops building persons at the first one: count what a commit would write.
  const clean = summary.rows - cached.withErrors;
  const preview: PreviewCounts = {
    rows: summary.rows,
    persons: summary.errors === 0 ? summary.persons : personColumn === undefined ? clean : Math.min(summary.persons, clean),
    claims: summary.errors === 0 ? summary.claims : clean,
    errors: summary.errors,
    warnings: summary.warnings,
    excluded: counts.excluded,
    fixed: counts.fixed,
    problemRows: cached.rows,
    errorRows: cached.withErrors,
  };
  await updateStagedImport(db.kysely, s.id, { mapping: toJson(mapping), person_column: personColumn ?? null, preview: toJson(preview), preview_run: run, updated_at: new Date().toISOString() });
  await deleteOtherRuns(db.kysely, s.id, run);
  return { ...preview, problems: summary.problems };
}

/** Previews a staged file under a mapping: per-row problems and counts (the CLI's --dry-run); nothing is imported. */
export async function previewStaged(db: Db, user: SessionUser, id: string, body: MappingBody): Promise<PreviewResult> {
  const input = mappingBodySchema.parse(body);
  const s = await visibleStaged(db, user, id);
  assertStaged(s);
  return runPreview(db, user, s, mappingFor(s, input.mapping), input.personColumn ?? s.person_column ?? undefined);
}

function rowView(row: number, record: unknown, problems: readonly ImportProblem[], fix: Fixes extends Map<number, infer F> ? F | undefined : never): StagedRowView {
  return {
    row,
    record: (record ?? {}) as Record<string, unknown>,
    problems: [...problems],
    fix: fix?.action === 'fix' ? { values: fix.values, by: fix.by, at: fix.at } : null,
    excluded: fix?.action === 'exclude' ? { reason: fix.reason, by: fix.by, at: fix.at } : null,
  };
}

/** Rows of the file as read under the current mapping, from `offset` (or only the row numbered `only`). */
async function readItems(db: Db, s: StagedImportRow, offset: number, limit: number, only?: number): Promise<ImportRow[]> {
  const page: ImportRow[] = [];
  await withStagedFile(db, s.id, async (path) => {
    try {
      let seen = 0;
      outer: for await (const batch of readRecordFileBatches(path, { format: formatOf(s), mapping: mappingFor(s, undefined) })) {
        for (const item of batch) {
          if (only !== undefined ? item.row !== only : seen++ < offset) continue;
          page.push(item);
          if (page.length >= limit) break outer;
        }
      }
    } catch (error) {
      throw fileErrorOf(error, path, s.file_name);
    }
  });
  return page;
}

/** Rows as the import would see them after the reviewers' work, each with its problems. */
async function viewsOf(db: Db, user: SessionUser, s: StagedImportRow, items: readonly ImportRow[], fixes: Fixes): Promise<StagedRowView[]> {
  const problems = new Map<number, readonly ImportProblem[]>();
  const kept = items.map((item) => reviewedRow(item, fixes.get(item.row))).filter((r): r is ImportRow => r !== null);
  await dryRun(db, s, user, [kept], s.person_column ?? undefined, (item, p) => problems.set(item.row, p));
  return items.map((item) => {
    const fix = fixes.get(item.row);
    return rowView(item.row, (reviewedRow(item, fix) ?? item).record, problems.get(item.row) ?? [], fix);
  });
}

/**
 * Rows of a staged file: `problems=1` the rows the last preview found problems in that are still unresolved
 * (refused until a preview has run), `problems=errors` only those with an error
 * (they block commit), else every row, each with its fix or exclusion.
 */
export async function listStagedRows(db: Db, user: SessionUser, id: string, query: { problems?: '0' | '1' | 'errors'; limit?: number; offset?: number }): Promise<{ rows: StagedRowView[]; total: number | null }> {
  const q = rowsQuerySchema.parse(query);
  const s = await visibleStaged(db, user, id);
  // A committed or discarded import has no file left to read.
  assertStaged(s);
  if (q.problems === '0') {
    const preview = fromJson(s.preview) as PreviewCounts | null;
    const items = await readItems(db, s, q.offset, q.limit);
    return { rows: await viewsOf(db, user, s, items, await fixesOf(db, id)), total: preview === null ? null : preview.rows + preview.excluded };
  }
  // A GET never changes state (CSRF): the problem rows exist once a preview has run.
  if (s.preview_run === null) throw new StagedImportRefused('preview the file first (POST /api/imports/:id/preview): its problem rows are found by the preview');
  const run = s.preview_run;
  const fixes = await fixesOf(db, id);
  const errorsOnly = q.problems === 'errors';
  const rows = await listProblemRows(db.kysely, id, run, { limit: q.limit, offset: q.offset, errorsOnly });
  const counted = await countProblemRows(db.kysely, id, run);
  const total = errorsOnly ? counted.withErrors : counted.rows;
  return { rows: rows.map((r) => rowView(r.row_number, fromJson(r.record), (fromJson(r.problems) ?? []) as ImportProblem[], fixes.get(r.row_number))), total };
}

/**
 * A reviewer corrects one row's values (merged with any earlier correction), excludes it with a reason, or
 * undoes either. The row's problems are checked again at once; the preview's counts follow, in the same
 * transaction as the decision: a failure leaves neither half.
 */
export async function decideRow(db: Db, user: SessionUser, id: string, row: number, body: RowDecision): Promise<StagedRowView> {
  const decision = rowDecisionSchema.parse(body);
  const s = await visibleStaged(db, user, id);
  assertStaged(s);
  // A row the preview found problems in is cached as read; any other row is read from the file.
  const cached = s.preview_run === null ? undefined : await findProblemRow(db.kysely, id, s.preview_run, row);
  let item: ImportRow | undefined = cached === undefined ? undefined : (fromJson(cached.original) as ImportRow);
  try {
    if (item === undefined) [item] = await readItems(db, s, 0, 1, row);
  } catch (error) {
    if (error instanceof StagedFileInvalid) throw new StagedImportRefused(`the file cannot be read with the current mapping; preview it with a mapping that fits first: ${error.message}`, error.issues);
    throw error;
  }
  if (item === undefined) throw new NotFoundError(`no data row ${row} in ${s.file_name} (rows are numbered as a spreadsheet shows them: the header is row 1)`);
  const fixes = await fixesOf(db, id);
  const earlier = fixes.get(row);
  const now = new Date().toISOString();
  let fix: RowFix | undefined;
  if ('values' in decision) fix = { action: 'fix', values: { ...(earlier?.action === 'fix' ? earlier.values : {}), ...decision.values } };
  else if ('exclude' in decision) fix = { action: 'exclude', reason: decision.reason };
  // The row as it reads after this decision (other rows' fixes do not change it), checked before anything is written.
  if (fix === undefined) fixes.delete(row);
  else fixes.set(row, { ...fix, by: user.username, at: now });
  const [after] = await viewsOf(db, user, s, [item], fixes);
  if (after === undefined) throw new NotFoundError(`no data row ${row}`);
  await db.kysely.transaction().execute(async (trx) => {
    // Updating the staged import first holds its row: decisions on one file take turns, so each counts the others.
    if (!(await updateStagedImport(trx, id, { updated_at: now }, 'staged'))) throw new StagedImportRefused('this import was committed or discarded meanwhile');
    const current = await findStagedImport(trx, id);
    if (current === undefined || current.preview_run !== s.preview_run) throw new StagedImportRefused('the file was previewed again meanwhile; reload its rows and decide again');
    if (fix === undefined) await deleteStagedFix(trx, id, row);
    else await upsertStagedFix(trx, { staged_id: id, row_number: row, action: fix.action, fix_values: fix.action === 'fix' ? toJson(fix.values) : null, reason: fix.action === 'exclude' ? fix.reason : null, decided_by: user.username, decided_at: now });
    if (current.preview_run === null) return;
    // Kept with no problems when resolved (fixed clean, or excluded), so a reset finds the row as read.
    const key = { staged_id: id, run: current.preview_run, row_number: row };
    const open = after.excluded === null && after.problems.length > 0;
    if (open || cached !== undefined) await replaceProblemRow(trx, key, cachedRow(s, current.preview_run, { row, record: after.record }, open ? after.problems : [], item));
    await refreshCounts(trx, current, now);
  });
  return after;
}

/** After a row decision, inside its transaction: the preview's counts from the cached rows and the fixes table. */
async function refreshCounts(trx: Kysely<Database>, s: StagedImportRow, now: string): Promise<void> {
  const preview = fromJson(s.preview) as PreviewCounts | null;
  if (preview === null || s.preview_run === null) return;
  const cached = await countProblemRows(trx, s.id, s.preview_run);
  const fixes = await listStagedFixes(trx, s.id);
  const excluded = fixes.filter((f) => f.action === 'exclude').length;
  const next: PreviewCounts = {
    ...preview,
    rows: preview.rows + preview.excluded - excluded,
    errors: cached.errors,
    warnings: cached.warnings,
    excluded,
    fixed: fixes.length - excluded,
    problemRows: cached.rows,
    errorRows: cached.withErrors,
  };
  await updateStagedImport(trx, s.id, { preview: toJson(next), updated_at: now });
}
