import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EstimatesTable } from '../schema.js';

export type EstimateRow = Selectable<EstimatesTable>;

/** Stores an estimate. */
export async function insertEstimate(db: Kysely<Database>, row: Insertable<EstimatesTable>): Promise<void> {
  await db.insertInto('estimates').values(row).execute();
}

/** One estimate by id. */
export function findEstimate(db: Kysely<Database>, id: string): Promise<EstimateRow | undefined> {
  return db.selectFrom('estimates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an estimate published (shown beside the count from the next release on). */
export async function publishEstimate(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('estimates').set({ published_at: at }).where('id', '=', id).execute();
}

/** The most recently published estimate on or before an instant. */
export function latestPublishedEstimate(db: Kysely<Database>, until: string): Promise<EstimateRow | undefined> {
  return db.selectFrom('estimates').selectAll().where('published_at', 'is not', null).where('published_at', '<=', until).orderBy('published_at', 'desc').limit(1).executeTakeFirst();
}

/** Stored estimates, newest first. */
export function listEstimates(db: Kysely<Database>, limit: number): Promise<EstimateRow[]> {
  return db.selectFrom('estimates').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

/**
 * For every person still in the register (merged persons count with the one they were merged into): its
 * verification, stratum values and the kinds of all its sources. One row per claim, grouped by the caller.
 */
export function listPersonSourceKinds(db: Kysely<Database>): Promise<{ person: string; root: string | null; kind: string }[]> {
  return db
    .selectFrom('claims')
    .innerJoin('persons', 'persons.id', 'claims.person_id')
    .innerJoin('sources', 'sources.id', 'claims.source_id')
    .select(['persons.id as person', 'persons.merged_into as root', 'sources.kind as kind'])
    .execute();
}
