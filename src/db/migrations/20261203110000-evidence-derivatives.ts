import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Derivatives (metadata-free working copies) are evidence_files rows with role 'derivative' whose
 * derived_from is their original's SHA-256; downloads and source pages look them up by that hash.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('evidence_files_derived_from').on('evidence_files').columns(['derived_from', 'role']).execute();
}
