import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ClaimsTable, Database, LinkPairsTable, LinkRunsTable } from '../schema.js';
import { insertMany } from './bulk.js';
import type { PersonRow } from './person.repository.js';

export type LinkPairRow = Selectable<LinkPairsTable>;

/** Every person not merged away, in id order (the input of a linkage run). */
export function listActivePersons(db: Kysely<Database>): Promise<PersonRow[]> {
  return db.selectFrom('persons').selectAll().where('merged_into', 'is', null).orderBy('id').execute();
}

/** A page of the persons not merged away, in id order after `after`: for reading a large register in pieces. */
export function pageActivePersons(db: Kysely<Database>, after: string, limit: number): Promise<PersonRow[]> {
  return db.selectFrom('persons').selectAll().where('merged_into', 'is', null).where('id', '>', after).orderBy('id').limit(limit).execute();
}

/** Records a linkage run. */
export async function insertLinkRun(db: Kysely<Database>, row: Insertable<LinkRunsTable>): Promise<void> {
  await db.insertInto('link_runs').values(row).execute();
}

/** Pairs already known (any state), as "a|b" keys, so a new run neither duplicates nor re-asks them. */
export async function knownPairKeys(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('link_pairs').select(['person_a', 'person_b']).execute();
  return new Set(rows.map((r) => `${r.person_a}|${r.person_b}`));
}

/** Adds pairs to the review queue. */
export function insertLinkPairs(db: Kysely<Database>, rows: readonly Insertable<LinkPairsTable>[]): Promise<void> {
  return insertMany(db, 'link_pairs', rows);
}

/** The review queue: undecided (and unsure) pairs whose persons are both still in the register, likeliest first. */
export function listQueue(db: Kysely<Database>, states: readonly string[], limit: number, offset: number): Promise<LinkPairRow[]> {
  return db
    .selectFrom('link_pairs')
    .selectAll('link_pairs')
    .innerJoin('persons as pa', 'pa.id', 'link_pairs.person_a')
    .innerJoin('persons as pb', 'pb.id', 'link_pairs.person_b')
    .where('link_pairs.state', 'in', states)
    .where('pa.merged_into', 'is', null)
    .where('pb.merged_into', 'is', null)
    .orderBy('link_pairs.probability', 'desc')
    .orderBy('link_pairs.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** One pair by id. */
export function findLinkPair(db: Kysely<Database>, id: string): Promise<LinkPairRow | undefined> {
  return db.selectFrom('link_pairs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a reviewer's decision on a pair. */
export async function setPairDecision(db: Kysely<Database>, id: string, d: { state: string; reason: string | null; decidedBy: string; decidedAt: string }): Promise<void> {
  await db.updateTable('link_pairs').set({ state: d.state, reason: d.reason, decided_by: d.decidedBy, decided_at: d.decidedAt }).where('id', '=', id).execute();
}

/** Decided pairs (labels for training): both persons' rows. */
export function listDecidedPairs(db: Kysely<Database>): Promise<{ person_a: string; person_b: string; state: string }[]> {
  return db.selectFrom('link_pairs').select(['person_a', 'person_b', 'state']).where('state', 'in', ['same', 'different']).execute();
}

/** Ids of persons merged into `id`. */
export async function mergedInto(db: Kysely<Database>, id: string): Promise<string[]> {
  return (await db.selectFrom('persons').select('id').where('merged_into', '=', id).orderBy('id').execute()).map((r) => r.id);
}

/** Points persons at the person they were merged into (null un-merges them). */
export async function setMergedInto(db: Kysely<Database>, ids: readonly string[], target: string | null, now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('persons').set((eb) => ({ merged_into: target, updated_at: now, version: eb('version', '+', 1) })).where('id', 'in', ids).execute();
}

/** Moves one claim to another person. */
export async function moveClaim(db: Kysely<Database>, claimId: string, personId: string): Promise<void> {
  await db.updateTable('claims').set({ person_id: personId }).where('id', '=', claimId).execute();
}

/** One claim by id. */
export function findClaim(db: Kysely<Database>, claimId: string): Promise<Selectable<ClaimsTable> | undefined> {
  return db.selectFrom('claims').selectAll().where('id', '=', claimId).executeTakeFirst();
}

/** The other claims of a group of persons (a person and those merged into it). */
export function otherClaims(db: Kysely<Database>, personIds: readonly string[], exceptClaim: string): Promise<{ id: string; person_id: string }[]> {
  return db.selectFrom('claims').select(['id', 'person_id']).where('person_id', 'in', personIds).where('id', '!=', exceptClaim).execute();
}

/** The model a linkage run trained, as stored (JSON). */
export async function linkRunModel(db: Kysely<Database>, runId: string): Promise<unknown> {
  return (await db.selectFrom('link_runs').select('model').where('id', '=', runId).executeTakeFirstOrThrow()).model;
}

/** The model of the newest linkage run, or undefined before the first run. */
export async function latestLinkModel(db: Kysely<Database>): Promise<unknown> {
  return (await db.selectFrom('link_runs').select('model').orderBy('created_at', 'desc').limit(1).executeTakeFirst())?.model;
}
