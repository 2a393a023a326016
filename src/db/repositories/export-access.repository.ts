import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ClaimWithSource } from './claim.repository.js';
import type { PersonRow } from './person.repository.js';

/** A claim for an export made on behalf of an account: with what deciding its source fields' visibility needs. */
export interface ClaimForExport extends ClaimWithSource {
  source_sensitivity: string;
  source_created_by: string;
}

/**
 * One page of claims in a stable order (keyset on id); with `owner`, only claims about persons that account
 * entered (a contributor's export).
 */
export function pageClaimsForExport(db: Kysely<Database>, owner: string | null, afterId: string | null, limit: number): Promise<ClaimForExport[]> {
  let q = db
    .selectFrom('claims')
    .innerJoin('sources', 'sources.id', 'claims.source_id')
    .selectAll('claims')
    .select([
      'sources.kind as source_kind',
      'sources.kind_text as source_kind_text',
      'sources.list as source_list',
      'sources.url as source_url',
      'sources.published_at as source_published_at',
      'sources.sensitivity as source_sensitivity',
      'sources.created_by as source_created_by',
    ]);
  if (owner !== null) q = q.where('claims.person_id', 'in', db.selectFrom('persons').select('persons.id').where('persons.created_by', '=', owner));
  if (afterId !== null) q = q.where('claims.id', '>', afterId);
  return q.orderBy('claims.id').limit(limit).execute();
}

/** One page of persons not merged away (keyset on id); with `owner`, only those that account entered. */
export function pagePersonsForExport(db: Kysely<Database>, owner: string | null, afterId: string | null, limit: number): Promise<PersonRow[]> {
  let q = db.selectFrom('persons').selectAll().where('merged_into', 'is', null);
  if (owner !== null) q = q.where('created_by', '=', owner);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
