import type { Kysely } from 'kysely';
import { jsonColumnType, type DialectName } from '../dialect.js';

/** Stored estimates of the true toll, with their inputs; the data editor publishes one beside the count. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('estimates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('estimate', 'double precision', (c) => c.notNull())
    .addColumn('lower', 'double precision', (c) => c.notNull())
    .addColumn('upper', 'double precision', (c) => c.notNull())
    .addColumn('result', jsonColumnType(dialect), (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
