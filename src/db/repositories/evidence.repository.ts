import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EvidenceFilesTable } from '../schema.js';

export type EvidenceRow = Selectable<EvidenceFilesTable>;

/** PostgreSQL returns bigint columns as text (whatever the row type says); sizes are numbers either way. */
const asNumber = (value: unknown): number => Number(value);
function withSize(row: EvidenceRow): EvidenceRow {
  return { ...row, size: asNumber(row.size) };
}

/** Records an evidence file (its bytes are already stored under their hash). */
export async function insertEvidence(db: Kysely<Database>, row: Insertable<EvidenceFilesTable>): Promise<void> {
  await db.insertInto('evidence_files').values(row).execute();
}

/** Every distinct hash the register references (originals and derivatives). */
export async function evidenceHashes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('evidence_files').select('sha256').distinct().orderBy('sha256').execute()).map((r) => r.sha256);
}

/** The original evidence files of one source (derivatives are reached through their original). */
export async function listEvidenceForSource(db: Kysely<Database>, sourceId: string): Promise<EvidenceRow[]> {
  const rows = await db.selectFrom('evidence_files').selectAll().where('source_id', '=', sourceId).where('role', '=', 'original').orderBy('created_at').orderBy('id').execute();
  return rows.map(withSize);
}

/** One evidence file row by id. */
export async function findEvidence(db: Kysely<Database>, id: string): Promise<EvidenceRow | undefined> {
  const row = await db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
  return row && withSize(row);
}

/** The metadata-free derivative made from the original with this hash, if any (the first made). */
export async function findDerivativeOf(db: Kysely<Database>, originalSha256: string): Promise<EvidenceRow | undefined> {
  const row = await db
    .selectFrom('evidence_files')
    .selectAll()
    .where('role', '=', 'derivative')
    .where('derived_from', '=', originalSha256)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && withSize(row);
}

/** Which of these original hashes have a derivative. */
export async function hashesWithDerivative(db: Kysely<Database>, originalSha256s: readonly string[]): Promise<Set<string>> {
  if (originalSha256s.length === 0) return new Set();
  const rows = await db.selectFrom('evidence_files').select('derived_from').distinct().where('role', '=', 'derivative').where('derived_from', 'in', [...originalSha256s]).execute();
  return new Set(rows.map((r) => r.derived_from).filter((s): s is string => s !== null));
}

/** Whether a source exists. */
export async function sourceExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
