import type { Kysely } from 'kysely';
import { blobColumnType, jsonColumnType, type DialectName } from '../dialect.js';

/**
 * Field edits of persons (with their before/after values, kept out of the append-only audit log so the log
 * holds no personal data: AUD-PRIV), and staged browser imports: the uploaded file's bytes in 1 MB chunks,
 * the reviewers' row fixes and exclusions, and the problem rows of the last preview.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const json = jsonColumnType(dialect);

  await db.schema
    .createTable('person_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reverts', 'text', (c) => c.references('person_edits.id'))
    .addColumn('before', json, (c) => c.notNull())
    .addColumn('after', json, (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('propose_seq', 'integer')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('applied_seq', 'integer')
    .addColumn('reverted_by', 'text')
    .execute();
  await db.schema.createIndex('person_edits_person_field').on('person_edits').columns(['person_id', 'field']).execute();
  await db.schema.createIndex('person_edits_proposed_by').on('person_edits').columns(['proposed_by', 'state']).execute();
  await db.schema.createIndex('person_edits_state').on('person_edits').columns(['state', 'proposed_at']).execute();
  await db.schema.createIndex('person_edits_applied_seq').on('person_edits').column('applied_seq').execute();

  await db.schema
    .createTable('staged_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('columns', json, (c) => c.notNull())
    .addColumn('mapping', json)
    .addColumn('person_column', 'text')
    .addColumn('preview', json)
    .addColumn('preview_run', 'text')
    .addColumn('import_id', 'text', (c) => c.references('imports.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('staged_imports_state').on('staged_imports').columns(['state', 'created_at']).execute();

  await db.schema
    .createTable('staged_import_chunks')
    .addColumn('staged_id', 'text', (c) => c.notNull().references('staged_imports.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', blobColumnType(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint('staged_import_chunks_pk', ['staged_id', 'seq'])
    .execute();

  await db.schema
    .createTable('staged_import_fixes')
    .addColumn('staged_id', 'text', (c) => c.notNull().references('staged_imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('fix_values', json)
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staged_import_fixes_pk', ['staged_id', 'row_number'])
    .execute();

  await db.schema
    .createTable('staged_import_rows')
    .addColumn('staged_id', 'text', (c) => c.notNull().references('staged_imports.id'))
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('record', json, (c) => c.notNull())
    .addColumn('original', json, (c) => c.notNull())
    .addColumn('problems', json, (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('staged_import_rows_pk', ['staged_id', 'run', 'row_number'])
    .execute();
}
