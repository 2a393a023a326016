import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { personNameKeys } from '../../core/names/search-key.js';
import { keyOrder, keyPrefixRange, type DialectName } from '../dialect.js';
import type { Database, PersonsTable } from '../schema.js';
import { ALL_ALIASES, personIdsByAlias, type AliasAccess } from './alias.repository.js';
import { insertMany, type BulkPath } from './bulk.js';

export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;

export interface PersonFilter {
  /** Name search: the name key (surname first, lower case, ё→е), or the key of an alias, starts with this. */
  namePrefix?: string;
  /** Which aliases the name search matches (default: every one). */
  aliases?: AliasAccess;
  /** With namePrefix: also persons whose canonical key (canon_key, any script) starts with this. */
  canonPrefix?: string;
  verification?: string;
  region?: string;
  category?: string;
  /** Only persons this account recorded (what a contributor may read). */
  createdBy?: string;
  limit: number;
  offset: number;
}

/** Inserts persons in bulk. */
export function insertPersons(db: Kysely<Database>, rows: readonly NewPerson[], path: BulkPath = null): Promise<void> {
  return insertMany(db, 'persons', rows, path);
}

const NAME_PARTS = ['surname', 'given_name', 'patronymic', 'full_name'] as const;

/** Fills a person's empty fields from a later record (values already present are kept: conflicts live in claims). */
export async function fillPersonBlanks(db: Kysely<Database>, id: string, values: Partial<NewPerson>): Promise<void> {
  const current = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) return;
  const patch: Partial<NewPerson> = {};
  for (const [key, value] of Object.entries(values) as [keyof NewPerson, unknown][]) {
    const existing = current[key as keyof PersonRow];
    const blank = existing === null || existing === 'unknown' || existing === 'UNKNOWN';
    if (blank && value !== null && value !== undefined && value !== 'unknown' && value !== 'UNKNOWN') {
      (patch as Record<string, unknown>)[key] = value;
    }
  }
  if (NAME_PARTS.some((k) => k in patch)) {
    // A name part filled in: the keys follow, as if the person had been recorded with it.
    const keys = personNameKeys({ ...current, ...patch });
    patch.name_key = keys.name_key || current.name_key;
    patch.canon_key = keys.canon_key;
  }
  // A new version, so whoever holds the person (an edit form, the candidate index) sees it changed.
  if (Object.keys(patch).length > 0)
    await db.updateTable('persons').set((eb) => ({ ...patch, updated_at: new Date().toISOString(), version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

const CANON_READ = 2_000;

/** Persons not merged into another, filtered and paged: newest first, or in key order for a name search. */
export async function listPersons(db: Kysely<Database>, dialect: DialectName, f: PersonFilter): Promise<PersonRow[]> {
  let q = db.selectFrom('persons').selectAll().where('merged_into', 'is', null);
  if (f.verification !== undefined) q = q.where('verification', '=', f.verification);
  if (f.region !== undefined) q = q.where('region_code', '=', f.region);
  if (f.category !== undefined) q = q.where('category', '=', f.category);
  if (f.createdBy !== undefined) q = q.where('created_by', '=', f.createdBy);
  if (f.namePrefix === undefined || f.namePrefix === '') return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  // A name search lists the persons whose name key starts with the prefix first (in key order, read along the
  // index, stopping at the page), then those found otherwise — by an alias, or by the canonical key of a
  // spelling in another script — in key order too. So a page that the first list fills needs nothing else,
  // and the others are looked up only when a page reaches past it (by id, sorted here: given an order and a
  // limit, a planner may walk the name index looking for those few ids and read much of the register).
  const prefix = f.namePrefix;
  const upTo = f.offset + f.limit;
  const byName = keyPrefixRange(dialect, 'name_key', prefix);
  const named = await q.where(byName).orderBy(keyOrder(dialect, 'name_key')).orderBy('id').limit(upTo).execute();
  if (named.length === upTo) return named.slice(f.offset);
  // Fewer name matches than the page reaches: all of them are in `named`; the rest of the page is others.
  const keys: { id: string; name_key: string }[] = [];
  if (f.canonPrefix !== undefined && f.canonPrefix !== '') {
    const byCanon = keyPrefixRange(dialect, 'canon_key', f.canonPrefix);
    // At most CANON_READ of them, the first along the canonical index: a prefix of one or two letters would read
    // a large share of the register. Past that many other spellings, the list (shown in name-key order) holds
    // the first 2,000 by canonical key, so it may miss some on any page.
    keys.push(...(await q.clearSelect().select(['id', 'name_key']).where(byCanon).where(sql<boolean>`NOT ${byName}`).orderBy(keyOrder(dialect, 'canon_key')).orderBy('id').limit(CANON_READ).execute()));
  }
  const ids = (await personIdsByAlias(db, dialect, prefix, f.aliases ?? ALL_ALIASES).distinct().execute()).map((r) => r.person_id);
  for (let i = 0; i < ids.length; i += 1_000) {
    keys.push(...(await q.clearSelect().select(['id', 'name_key']).where('id', 'in', ids.slice(i, i + 1_000)).where(sql<boolean>`NOT ${byName}`).execute()));
  }
  if (keys.length === 0) return named.slice(f.offset);
  const need = upTo - named.length;
  const first = [...new Set(keys.sort(byKeyThenId).map((k) => k.id))].slice(0, need);
  const others = first.length === 0 ? [] : (await db.selectFrom('persons').selectAll().where('id', 'in', first).execute()).sort(byKeyThenId);
  return [...named, ...others].slice(f.offset, upTo);
}

// Code-point order, as keyOrder sorts (UTF-16 order differs only beyond the Basic Multilingual Plane).
const byKeyThenId = (a: { id: string; name_key: string }, b: { id: string; name_key: string }): number =>
  a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** One person by id, or undefined. */
export function findPerson(db: Kysely<Database>, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * What changes when the candidate lookup's index should be rebuilt: the number of persons (new, merged,
 * unmerged), the number of their other names a merge or a correction gave, the latest linkage run. Not every
 * edit: a rebuild takes seconds of CPU on a large register, and a confirmation or a corrected date does not
 * change which persons a typed-in record is compared with.
 */
export async function registerSignature(db: Kysely<Database>): Promise<string> {
  const p = await db.selectFrom('persons').select((eb) => eb.fn.countAll<string | number>().as('n')).where('merged_into', 'is', null).executeTakeFirstOrThrow();
  const a = await db.selectFrom('person_aliases').select((eb) => eb.fn.countAll<string | number>().as('n')).where('kind', 'in', ['merged', 'former']).executeTakeFirstOrThrow();
  const run = await db.selectFrom('link_runs').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return `${Number(p.n)}:${Number(a.n)}:${run?.id ?? ''}`;
}

/** Number of persons (not merged away). */
export async function countPersons(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('persons').select((eb) => eb.fn.countAll<string | number>().as('n')).where('merged_into', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of persons (not merged away) in id order, for streaming exports. */
export function pagePersons(db: Kysely<Database>, afterId: string | null, limit: number): Promise<PersonRow[]> {
  let q = db.selectFrom('persons').selectAll().where('merged_into', 'is', null);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
