import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EvidenceFilesTable } from '../schema.js';

export type EvidenceRow = Selectable<EvidenceFilesTable>;

/** Records an evidence file (its bytes are already stored under their hash). */
export async function insertEvidence(db: Kysely<Database>, row: Insertable<EvidenceFilesTable>): Promise<void> {
  await db.insertInto('evidence_files').values(row).execute();
}

/** Every distinct hash the register references. */
export async function evidenceHashes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('evidence_files').select('sha256').distinct().orderBy('sha256').execute()).map((r) => r.sha256);
}

/** The evidence files of one source. */
export function listEvidenceForSource(db: Kysely<Database>, sourceId: string): Promise<EvidenceRow[]> {
  return db.selectFrom('evidence_files').selectAll().where('source_id', '=', sourceId).orderBy('created_at').execute();
}

/** Whether a source exists. */
export async function sourceExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
