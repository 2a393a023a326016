import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/** Name search by key prefix: PostgreSQL needs a code-point-ordered index (SQLite's index already is). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`CREATE INDEX persons_name_key_c ON persons (name_key COLLATE "C")`.execute(db);
}
