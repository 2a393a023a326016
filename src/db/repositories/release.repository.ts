import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PersonsTable, ReleasesTable } from '../schema.js';

export type ReleaseRow = Selectable<ReleasesTable>;

/** The person columns a release publishes from (reading all 31 columns of 200,000 rows costs seconds). */
const RELEASE_COLUMNS = [
  'id',
  'surname',
  'given_name',
  'patronymic',
  'full_name',
  'sex',
  'birth_date_text',
  'birth_precision',
  'birth_from',
  'birth_to',
  'age_text',
  'region_code',
  'category',
  'rank',
  'unit',
  'death_date_text',
  'death_precision',
  'death_from',
  'death_to',
] as const;
export type ReleasePersonRow = Pick<Selectable<PersonsTable>, (typeof RELEASE_COLUMNS)[number]> & {
  first_confirmed_at: string;
};

/** Confirmed dead persons whose first confirmation is on or before `until` (an ISO instant), in id order. */
export async function listConfirmedPersons(db: Kysely<Database>, until: string): Promise<ReleasePersonRow[]> {
  // Two plain queries joined in memory: SQLite plans the grouped-subquery join poorly at 200,000 persons.
  const first = new Map<string, string>();
  const decisions = await db
    .selectFrom('verifications')
    .select(['person_id', 'decided_at'])
    .where('to_state', '=', 'confirmed')
    .execute();
  for (const d of decisions) {
    const seen = first.get(d.person_id);
    if (seen === undefined || d.decided_at < seen) first.set(d.person_id, d.decided_at);
  }
  const persons = await db
    .selectFrom('persons')
    .select(RELEASE_COLUMNS)
    .where('verification', '=', 'confirmed')
    .where('status', '=', 'dead')
    .where('merged_into', 'is', null)
    .orderBy('id')
    .execute();
  const out: ReleasePersonRow[] = [];
  for (const p of persons) {
    const at = first.get(p.id);
    if (at !== undefined && at <= until) out.push({ ...p, first_confirmed_at: at });
  }
  return out;
}

/**
 * The sources of every confirmed person: public URL, kind, publication date and sensitivity only. Claims of
 * persons merged into a confirmed person count as that person's (merges keep claims where they are).
 */
export function listConfirmedSources(
  db: Kysely<Database>,
): Promise<
  { person_id: string; url: string | null; kind: string; published_at: string | null; sensitivity: string }[]
> {
  return db
    .selectFrom('claims')
    .innerJoin('sources', 'sources.id', 'claims.source_id')
    .innerJoin('persons as p', 'p.id', 'claims.person_id')
    .leftJoin('persons as root', 'root.id', 'p.merged_into')
    .select((eb) => [
      eb.fn.coalesce('root.id', 'p.id').as('person_id'),
      'sources.url',
      'sources.kind',
      'sources.published_at',
      'sources.sensitivity',
    ])
    .where((eb) => eb(eb.fn.coalesce('root.verification', 'p.verification'), '=', 'confirmed'))
    .execute(); // unordered: callers group by person and sort what they publish
}

/** The latest release before a date, if any. */
export function findPreviousRelease(
  db: Kysely<Database>,
  beforeDate: string,
): Promise<ReleaseRow | undefined> {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('release_date', '<', beforeDate)
    .orderBy('release_date', 'desc')
    .limit(1)
    .executeTakeFirst();
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
