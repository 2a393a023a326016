import type { Insertable, Kysely, Selectable } from 'kysely';
import { newId } from '../../core/ids.js';
import { keyPrefixRange, type DialectName } from '../dialect.js';
import type { Database, PersonAliasesTable } from '../schema.js';
import { insertMany, type BulkPath } from './bulk.js';

export type AliasRow = Selectable<PersonAliasesTable>;
/** An alias to add (id and created_at are filled in; origin columns default to null). */
export type NewAlias = Pick<Insertable<PersonAliasesTable>, 'person_id' | 'alias' | 'alias_key' | 'kind' | 'from_person_id' | 'source_id' | 'claim_id'>;

/**
 * Which aliases a reader may see: every one, or those not from a restricted source (besides restricted sources
 * the account entered itself), the rule AUTHZ-FIELD applies to a source's fields.
 */
export type AliasAccess = { restricted: 'all' } | { restricted: 'own'; username: string };
export const ALL_ALIASES: AliasAccess = { restricted: 'all' };

const CHUNK = 1_000;
type Origin = Pick<AliasRow, 'person_id' | 'alias_key' | 'kind'> & Partial<Pick<AliasRow, 'from_person_id' | 'source_id' | 'claim_id'>>;
const originOf = (a: Origin): string => [a.person_id, a.alias_key, a.kind, a.from_person_id ?? '', a.source_id ?? '', a.claim_id ?? ''].join('\u0001');

/**
 * Adds aliases. Skips one whose key is its person's own name key, and one the person already has from the same
 * origin; the same key from another origin is kept, so undoing one origin leaves the others. Returns how many
 * were written.
 */
export async function addAliases(db: Kysely<Database>, rows: readonly NewAlias[], now = new Date().toISOString(), path: BulkPath = null): Promise<number> {
  if (rows.length === 0) return 0;
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const nameKeys = new Map<string, string>();
  const have = new Set<string>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const ids = personIds.slice(i, i + CHUNK);
    for (const p of await db.selectFrom('persons').select(['id', 'name_key']).where('id', 'in', ids).execute()) nameKeys.set(p.id, p.name_key);
    const existing = await db.selectFrom('person_aliases').select(['person_id', 'alias_key', 'kind', 'from_person_id', 'source_id', 'claim_id']).where('person_id', 'in', ids).execute();
    for (const a of existing) have.add(originOf(a));
  }
  const fresh: Insertable<PersonAliasesTable>[] = [];
  for (const r of rows) {
    if (r.alias_key === '' || nameKeys.get(r.person_id) === r.alias_key || have.has(originOf(r))) continue;
    have.add(originOf(r));
    fresh.push({ id: newId(), person_id: r.person_id, alias: r.alias, alias_key: r.alias_key, kind: r.kind, created_at: now, from_person_id: r.from_person_id ?? null, source_id: r.source_id ?? null, claim_id: r.claim_id ?? null });
  }
  await insertMany(db, 'person_aliases', fresh, path);
  return fresh.length;
}

/** A person's aliases, oldest first. */
export function listAliases(db: Kysely<Database>, personId: string): Promise<AliasRow[]> {
  return db.selectFrom('person_aliases').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
}

/** Removes from these persons the aliases that merges of `fromPersons` brought. */
export async function deleteAliasesFrom(db: Kysely<Database>, personIds: readonly string[], fromPersons: readonly string[]): Promise<void> {
  if (personIds.length === 0 || fromPersons.length === 0) return;
  await db.deleteFrom('person_aliases').where('person_id', 'in', personIds).where('from_person_id', 'in', fromPersons).execute();
}

/** Removes from these persons the aliases one claim gave (and copies of them merges made). */
export async function deleteClaimAliases(db: Kysely<Database>, personIds: readonly string[], claimId: string): Promise<void> {
  if (personIds.length === 0) return;
  await db.deleteFrom('person_aliases').where('person_id', 'in', personIds).where('claim_id', '=', claimId).execute();
}

/** Ids of the persons with an alias this reader may see whose key starts with `prefix` (a subquery for name search). */
export function personIdsByAlias(db: Kysely<Database>, dialect: DialectName, prefix: string, access: AliasAccess) {
  const q = db.selectFrom('person_aliases as a').select('a.person_id').where(keyPrefixRange(dialect, 'a.alias_key', prefix));
  if (access.restricted === 'all') return q;
  const { username } = access;
  return q.where((eb) =>
    eb.or([
      eb('a.source_id', 'is', null),
      eb.exists(eb.selectFrom('sources as s').select('s.id').whereRef('s.id', '=', 'a.source_id').where((w) => w.or([w('s.sensitivity', '!=', 'restricted'), w('s.created_by', '=', username)]))),
    ]),
  );
}

/**
 * The names a merge or a correction left a person not merged away, each spelling once, except those a
 * restricted source gave and those that are the person's name now: what the candidate lookup also matches a
 * typed-in record by (its callers include contributors). Not the spellings of each claim (kind source): an
 * import keyed by person gives hundreds of thousands, which would double the index for little.
 */
export function listOpenAliases(db: Kysely<Database>): Promise<{ person_id: string; alias: string }[]> {
  return db
    .selectFrom('person_aliases as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .leftJoin('sources as s', 's.id', 'a.source_id')
    .where('p.merged_into', 'is', null)
    .where('a.kind', 'in', ['merged', 'former'])
    .whereRef('a.alias_key', '!=', 'p.name_key')
    .where((eb) => eb.or([eb('a.source_id', 'is', null), eb('s.sensitivity', '!=', 'restricted')]))
    .select(['a.person_id', 'a.alias'])
    .distinct()
    .orderBy('a.person_id')
    .orderBy('a.alias')
    .execute();
}
