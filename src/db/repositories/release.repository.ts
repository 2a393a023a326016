import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PersonsTable, ReleasesTable } from '../schema.js';

export type ReleaseRow = Selectable<ReleasesTable>;

/** Confirmed dead persons whose first confirmation is on or before `until` (an ISO instant), in id order. */
export function listConfirmedPersons(db: Kysely<Database>, until: string): Promise<(Selectable<PersonsTable> & { first_confirmed_at: string })[]> {
  return db
    .selectFrom('persons')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('verifications')
          .select(['person_id', (e) => e.fn.min<string>('decided_at').as('first_confirmed_at')])
          .where('to_state', '=', 'confirmed')
          .groupBy('person_id')
          .as('fc'),
      (join) => join.onRef('fc.person_id', '=', 'persons.id'),
    )
    .selectAll('persons')
    .select('fc.first_confirmed_at')
    .where('persons.verification', '=', 'confirmed')
    .where('persons.status', '=', 'dead')
    .where('persons.merged_into', 'is', null)
    .where('fc.first_confirmed_at', '<=', until)
    .orderBy('persons.id')
    .execute();
}

/** The sources of every confirmed person: public URL, kind, publication date and sensitivity only. */
export function listConfirmedSources(db: Kysely<Database>): Promise<{ person_id: string; url: string | null; kind: string; published_at: string | null; sensitivity: string }[]> {
  return db
    .selectFrom('claims')
    .innerJoin('sources', 'sources.id', 'claims.source_id')
    .innerJoin('persons', 'persons.id', 'claims.person_id')
    .select(['claims.person_id', 'sources.url', 'sources.kind', 'sources.published_at', 'sources.sensitivity'])
    .where('persons.verification', '=', 'confirmed')
    .execute(); // unordered: callers group by person and sort what they publish
}

/** The latest release before a date, if any. */
export function findPreviousRelease(db: Kysely<Database>, beforeDate: string): Promise<ReleaseRow | undefined> {
  return db.selectFrom('releases').selectAll().where('release_date', '<', beforeDate).orderBy('release_date', 'desc').limit(1).executeTakeFirst();
}

/** A release by its date. */
export function findRelease(db: Kysely<Database>, date: string): Promise<ReleaseRow | undefined> {
  return db.selectFrom('releases').selectAll().where('release_date', '=', date).executeTakeFirst();
}

/** Records a cut release (immutable: one per date). */
export async function insertRelease(db: Kysely<Database>, row: Insertable<ReleasesTable>): Promise<void> {
  await db.insertInto('releases').values(row).execute();
}

/** Audit event hashes in seq order, up to a seq, for the Merkle tree. */
export async function auditHashes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('audit_events').select('hash').orderBy('seq').execute()).map((r) => r.hash);
}

/** The newest recorded release. */
export function findLatestRelease(db: Kysely<Database>): Promise<ReleaseRow | undefined> {
  return db.selectFrom('releases').selectAll().orderBy('release_date', 'desc').limit(1).executeTakeFirst();
}
