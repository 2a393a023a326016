import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, VerificationsTable } from '../schema.js';
import type { PersonRow } from './person.repository.js';

export type VerificationRow = Selectable<VerificationsTable>;

/** Records one verification decision. */
export async function insertVerification(db: Kysely<Database>, row: Insertable<VerificationsTable>): Promise<void> {
  await db.insertInto('verifications').values(row).execute();
}

/** Moves a person to a verification state if nobody changed it meanwhile; false when the version moved on. */
export async function setVerification(db: Kysely<Database>, id: string, state: string, expectedVersion: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('persons')
    .set((eb) => ({ verification: state, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface BacklogFilter {
  region?: string;
  category?: string;
  sourceKind?: string;
  limit: number;
  offset: number;
}

/** Reported deaths awaiting a decision, oldest first. */
export function listBacklog(db: Kysely<Database>, f: BacklogFilter): Promise<PersonRow[]> {
  let q = db.selectFrom('persons').selectAll().where('verification', '=', 'reported').where('merged_into', 'is', null);
  if (f.region !== undefined) q = q.where('region_code', '=', f.region);
  if (f.category !== undefined) q = q.where('category', '=', f.category);
  if (f.sourceKind !== undefined) {
    const kind = f.sourceKind;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('claims')
          .innerJoin('sources', 'sources.id', 'claims.source_id')
          .select('claims.id')
          .whereRef('claims.person_id', '=', 'persons.id')
          .where('sources.kind', '=', kind),
      ),
    );
  }
  return q.orderBy('created_at', 'asc').orderBy('id', 'asc').limit(f.limit).offset(f.offset).execute();
}

/** The decisions taken on one person, oldest first. */
export function listVerifications(db: Kysely<Database>, personId: string): Promise<VerificationRow[]> {
  return db.selectFrom('verifications').selectAll().where('person_id', '=', personId).orderBy('decided_at').orderBy('id').execute();
}
