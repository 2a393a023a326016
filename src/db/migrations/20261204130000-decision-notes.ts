import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * AUD-PRIV: the append-only audit log holds no free text. A reason typed for a decision that has no row of its
 * own (a merge, an unmerge, a split, a bulk revert) lives in decision_notes, which its audit event names by id;
 * a discarded staged import keeps its reason on its own row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('decision_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_notes_entity').on('decision_notes').columns(['entity', 'entity_id']).execute();
  await db.schema.alterTable('staged_imports').addColumn('decision_reason', 'text').execute();
}
