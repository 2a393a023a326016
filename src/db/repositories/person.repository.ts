import type { Insertable, Kysely, Selectable } from 'kysely';
import { keyPrefixRange, type DialectName } from '../dialect.js';
import type { Database, PersonsTable } from '../schema.js';
import { insertMany, type BulkPath } from './bulk.js';

export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;

export interface PersonFilter {
  /** Name search: the name key (surname first, lower case, ё→е) starts with this. */
  namePrefix?: string;
  verification?: string;
  region?: string;
  category?: string;
  limit: number;
  offset: number;
}

/** Inserts persons in bulk. */
export function insertPersons(db: Kysely<Database>, rows: readonly NewPerson[], path: BulkPath = null): Promise<void> {
  return insertMany(db, 'persons', rows, path);
}

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
  if (Object.keys(patch).length > 0) await db.updateTable('persons').set(patch).where('id', '=', id).execute();
}

/** Persons not merged into another, filtered and paged, newest first. */
export async function listPersons(db: Kysely<Database>, dialect: DialectName, f: PersonFilter): Promise<PersonRow[]> {
  let q = db.selectFrom('persons').selectAll().where('merged_into', 'is', null);
  if (f.namePrefix !== undefined && f.namePrefix !== '') q = q.where(keyPrefixRange(dialect, 'name_key', f.namePrefix));
  if (f.verification !== undefined) q = q.where('verification', '=', f.verification);
  if (f.region !== undefined) q = q.where('region_code', '=', f.region);
  if (f.category !== undefined) q = q.where('category', '=', f.category);
  // A name search reads in key order along the index; a plain listing shows the newest first.
  q = f.namePrefix ? q.orderBy('name_key').orderBy('id') : q.orderBy('created_at', 'desc').orderBy('id', 'desc');
  return q.limit(f.limit).offset(f.offset).execute();
}

/** One person by id, or undefined. */
export function findPerson(db: Kysely<Database>, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
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
