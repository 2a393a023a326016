import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ClaimsTable, Database, SourcesTable } from '../schema.js';
import { insertMany, type BulkPath } from './bulk.js';

export type ClaimRow = Selectable<ClaimsTable>;

/** Inserts claims in bulk. */
export function insertClaims(db: Kysely<Database>, rows: readonly Insertable<ClaimsTable>[], path: BulkPath = null): Promise<void> {
  return insertMany(db, 'claims', rows, path);
}

/** Inserts sources in bulk. */
export function insertSources(db: Kysely<Database>, rows: readonly Insertable<SourcesTable>[], path: BulkPath = null): Promise<void> {
  return insertMany(db, 'sources', rows, path);
}

/** A claim with the public parts of its source, as the record export and the person page need them. */
export interface ClaimWithSource extends ClaimRow {
  source_kind: string;
  source_kind_text: string | null;
  source_list: string | null;
  source_url: string | null;
  source_published_at: string | null;
}

function claimsWithSources(db: Kysely<Database>) {
  return db
    .selectFrom('claims')
    .innerJoin('sources', 'sources.id', 'claims.source_id')
    .selectAll('claims')
    .select([
      'sources.kind as source_kind',
      'sources.kind_text as source_kind_text',
      'sources.list as source_list',
      'sources.url as source_url',
      'sources.published_at as source_published_at',
    ]);
}

/** The claims about one person, oldest first. */
export function listClaimsForPerson(db: Kysely<Database>, personId: string): Promise<ClaimWithSource[]> {
  return claimsWithSources(db).where('claims.person_id', '=', personId).orderBy('claims.created_at').orderBy('claims.id').execute();
}

/** One page of all claims in a stable order (keyset on id) for streaming exports. */
export function pageClaims(db: Kysely<Database>, afterId: string | null, limit: number): Promise<ClaimWithSource[]> {
  let q = claimsWithSources(db);
  if (afterId !== null) q = q.where('claims.id', '>', afterId);
  return q.orderBy('claims.id').limit(limit).execute();
}

/** One page of claims' extra columns (keyset on id). */
export function pageClaimExtras(db: Kysely<Database>, afterId: string | null, limit: number): Promise<{ id: string; extra: string | null }[]> {
  let q = db.selectFrom('claims').select(['id', 'extra']).where('extra', 'is not', null);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** A person's claims' names with the sensitivity of their sources, oldest source first. */
export function claimNamesWithSensitivity(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('claims as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .where('c.person_id', '=', personId)
    .select(['s.id as source_id', 's.sensitivity', 'c.surname', 'c.given_name', 'c.patronymic', 'c.full_name'])
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}
