import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Where an alias came from, so undoing what wrote it removes exactly it: from_person_id is the person whose
 * merge brought it, claim_id/source_id the claim (and its source) that gave the spelling. No foreign keys:
 * copies write person_aliases before claims. Name search reads alias_key by prefix, like persons.name_key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const column of ['from_person_id', 'source_id', 'claim_id']) {
    await db.schema.alterTable('person_aliases').addColumn(column, 'text').execute();
  }
  if (dialect === 'postgres') await sql`CREATE INDEX person_aliases_key_c ON person_aliases (alias_key COLLATE "C")`.execute(db);
}
