import type { Db } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { guessColumn } from '../../core/mapping/header-aliases.js';
import { MappingError } from '../../core/mapping/mapping-error.js';
import { columnMappingSchema, type ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import { resolveMapping } from '../../core/mapping/resolve-mapping.js';
import type { RecordColumn } from '../../core/record/record.schemas.js';
import { findStagedImport, listStagedFixes, type StagedImportRow } from '../../db/repositories/staged-import.repository.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize, can } from '../auth/policy.js';
import { RecordFileError } from '../files/record-file-error.js';
import { NotFoundError } from '../person/person.service.js';
import type { FileColumns } from './file-columns.js';
import type { PreviewCounts, StagedImportView } from './staged-import.schemas.js';
import type { RowFix } from './staged-rows.js';

/** A staged import the register cannot act on as things stand (HTTP 409). */
export class StagedImportRefused extends Error {
  constructor(message: string, readonly issues: readonly string[] = []) {
    super(message);
  }
}

/** A file that cannot be read or mapped (HTTP 400); the message names the file by its uploaded name, the row and column. */
export class StagedFileInvalid extends Error {
  constructor(message: string, readonly issues: readonly string[] = []) {
    super(message);
  }
}

/** A file whose bytes are not what its Content-Type says, or not a record file (HTTP 415). */
export class StagedFileUnsupported extends Error {}

/** The reader's error, told with the uploaded file's name instead of the temporary path it was read from. */
export function fileErrorOf(error: unknown, path: string, fileName: string): unknown {
  if (!(error instanceof RecordFileError)) return error;
  const issues = error.problems.slice(0, 20).map((p) => `row ${p.row}${p.column === undefined ? '' : `, column "${p.column}"`}: ${p.message}`);
  return new StagedFileInvalid(error.message.replaceAll(path, fileName), issues);
}

/**
 * The mapping the automatic header guesses give, for the user to start from. When they cannot map the file
 * (no name column, two headers that look alike) the unambiguous guesses are kept and the problem is said.
 */
export function suggestMapping(headers: readonly string[]): { mapping: ColumnMapping; problem: string | null } {
  try {
    const resolved = resolveMapping(headers);
    const columns: Record<string, RecordColumn> = {};
    resolved.targets.forEach((t, i) => {
      if (t.kind === 'column') columns[headers[i] ?? ''] = t.column;
    });
    return { mapping: { columns, defaults: {} }, problem: null };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    const guesses = headers.map((h) => guessColumn(h)?.column);
    const columns: Record<string, RecordColumn> = {};
    guesses.forEach((g, i) => {
      if (g !== undefined && guesses.filter((x) => x === g).length === 1) columns[headers[i] ?? ''] = g;
    });
    return { mapping: { columns, defaults: {} }, problem: error.message };
  }
}

/** A staged import this account may act on (contributors: their own), else NotFoundError. */
export async function visibleStaged(db: Db, user: SessionUser, id: string): Promise<StagedImportRow> {
  authorize(user.role, 'import.stage');
  const s = await findStagedImport(db.kysely, id);
  if (!s || (!can(user.role, 'import.all') && s.created_by !== user.username)) throw new NotFoundError(`no staged import with id ${id}`);
  return s;
}

/** Refuses (409) acting on an import already committed or discarded. */
export function assertStaged(s: StagedImportRow): void {
  if (s.state !== 'staged') throw new StagedImportRefused(`this import was already ${s.state}`);
}

/** The mapping to read a staged file with: the one given, else the last previewed, else the suggested one. */
export function mappingFor(s: StagedImportRow, given: ColumnMapping | undefined): ColumnMapping {
  if (given !== undefined) return given;
  const stored = columnMappingSchema.safeParse(fromJson(s.mapping));
  return stored.success ? stored.data : suggestMapping(columnsOf(s).headers).mapping;
}

export function columnsOf(s: StagedImportRow): FileColumns {
  return fromJson(s.columns) as FileColumns;
}

/** The reviewers' fixes and exclusions of a staged import, by row. */
export async function fixesOf(db: Db, stagedId: string): Promise<Map<number, RowFix & { by: string; at: string }>> {
  const out = new Map<number, RowFix & { by: string; at: string }>();
  for (const f of await listStagedFixes(db.kysely, stagedId)) {
    const meta = { by: f.decided_by, at: f.decided_at };
    out.set(f.row_number, f.action === 'exclude' ? { action: 'exclude', reason: f.reason ?? '', ...meta } : { action: 'fix', values: (fromJson(f.fix_values) ?? {}), ...meta });
  }
  return out;
}

/** A staged import as the API shows it. */
export function stagedView(s: StagedImportRow): StagedImportView {
  const columns = columnsOf(s);
  const suggestion = suggestMapping(columns.headers);
  const mapping = columnMappingSchema.safeParse(fromJson(s.mapping));
  return {
    id: s.id,
    fileName: s.file_name,
    format: s.format === 'xlsx' ? 'xlsx' : 'csv',
    size: s.size,
    sha256: s.sha256,
    state: s.state as StagedImportView['state'],
    createdBy: s.created_by,
    createdAt: s.created_at,
    columns: columns.headers,
    sample: columns.sample,
    suggested: suggestion.mapping,
    suggestedProblem: suggestion.problem,
    mapping: mapping.success ? mapping.data : null,
    personColumn: s.person_column,
    preview: (fromJson(s.preview) as PreviewCounts | null) ?? null,
    importId: s.import_id,
  };
}
