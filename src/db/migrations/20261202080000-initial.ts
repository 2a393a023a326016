import type { Kysely } from 'kysely';
import { appendOnlyTriggers, jsonColumnType, type DialectName } from '../dialect.js';

/** The register's first schema: people, sources, evidence, claims, verification, releases, jobs, users, audit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const json = jsonColumnType(dialect);

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kind_text', 'text')
    .addColumn('list', 'text')
    .addColumn('url', 'text')
    .addColumn('publisher', 'text')
    .addColumn('author', 'text')
    .addColumn('language', 'text')
    .addColumn('published_at', 'text')
    .addColumn('captured_at', 'text')
    .addColumn('excerpt', 'text')
    .addColumn('reliability', 'text')
    .addColumn('sensitivity', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('import_id', 'text', (c) => c.references('imports.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('original'))
    .addColumn('derived_from', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_files_sha256').on('evidence_files').column('sha256').execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('surname', 'text')
    .addColumn('given_name', 'text')
    .addColumn('patronymic', 'text')
    .addColumn('full_name', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('birth_date_text', 'text')
    .addColumn('birth_precision', 'text', (c) => c.notNull())
    .addColumn('birth_from', 'text')
    .addColumn('birth_to', 'text')
    .addColumn('age_text', 'text')
    .addColumn('region_text', 'text')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('death_date_text', 'text')
    .addColumn('death_precision', 'text', (c) => c.notNull())
    .addColumn('death_from', 'text')
    .addColumn('death_to', 'text')
    .addColumn('death_place', 'text')
    .addColumn('category_text', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rank', 'text')
    .addColumn('unit', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text', (c) => c.references('persons.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('persons_name_key').on('persons').column('name_key').execute();
  await db.schema.createIndex('persons_verification').on('persons').columns(['verification', 'created_at']).execute();
  await db.schema.createIndex('persons_region').on('persons').column('region_code').execute();

  await db.schema
    .createTable('person_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_aliases_person').on('person_aliases').column('person_id').execute();
  await db.schema.createIndex('person_aliases_key').on('person_aliases').column('alias_key').execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('record_id', 'text')
    .addColumn('import_id', 'text', (c) => c.references('imports.id'))
    .addColumn('row_number', 'integer')
    .addColumn('surname', 'text')
    .addColumn('given_name', 'text')
    .addColumn('patronymic', 'text')
    .addColumn('full_name', 'text')
    .addColumn('sex', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('age', 'text')
    .addColumn('region', 'text')
    .addColumn('death_date', 'text')
    .addColumn('death_place', 'text')
    .addColumn('category', 'text')
    .addColumn('rank', 'text')
    .addColumn('unit', 'text')
    .addColumn('status', 'text')
    .addColumn('extra', json)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_person').on('claims').column('person_id').execute();
  await db.schema.createIndex('claims_source').on('claims').column('source_id').execute();

  await db.schema
    .createTable('verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('verifications_person').on('verifications').column('person_id').execute();

  await db.schema
    .createTable('releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('release_date', 'text', (c) => c.notNull().unique())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('rule_version', 'text', (c) => c.notNull())
    .addColumn('manifest_sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('params', json)
    .addColumn('result', json)
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', json)
    .addColumn('after', json)
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity', 'entity_id']).execute();
  for (const statement of appendOnlyTriggers(dialect, 'audit_events')) await statement.execute(db);
}
