import type { Kysely } from 'kysely';
import { jsonColumnType, type DialectName } from '../dialect.js';

/** Linkage runs over the register and the pair review queue. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const json = jsonColumnType(dialect);
  await db.schema
    .createTable('link_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.references('jobs.id'))
    .addColumn('settings_name', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('candidate_pairs', 'integer', (c) => c.notNull())
    .addColumn('queued', 'integer', (c) => c.notNull())
    .addColumn('model', json)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('link_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('link_runs.id'))
    .addColumn('person_a', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('person_b', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('explanation', json)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('link_pairs_pair', ['person_a', 'person_b'])
    .execute();
  await db.schema.createIndex('link_pairs_state').on('link_pairs').columns(['state', 'probability']).execute();
}
