import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import type { DialectName } from './dialect.js';
import * as initial from './migrations/20261202080000-initial.js';
import * as linkage from './migrations/20261202090000-linkage.js';
import * as estimates from './migrations/20261202100000-estimates.js';
import * as auth from './migrations/20261202110000-auth.js';
import * as nameSearch from './migrations/20261202120000-name-search.js';
import * as editsImports from './migrations/20261203100000-edits-imports.js';
import * as evidenceDerivatives from './migrations/20261203110000-evidence-derivatives.js';
import * as personAliases from './migrations/20261204100000-person-aliases.js';
import * as decisionNotes from './migrations/20261204130000-decision-notes.js';
import * as canonicalNameKey from './migrations/20261205100000-canonical-name-key.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type MigrationUp = (db: Kysely<any>, dialect: DialectName) => Promise<void>;

/** Forward-only migrations, timestamp-named, in order. */
const MIGRATIONS: Record<string, { up: MigrationUp }> = {
  '20261202080000-initial': initial,
  '20261202090000-linkage': linkage,
  '20261202100000-estimates': estimates,
  '20261202110000-auth': auth,
  '20261202120000-name-search': nameSearch,
  '20261203100000-edits-imports': editsImports,
  '20261203110000-evidence-derivatives': evidenceDerivatives,
  '20261204100000-person-aliases': personAliases,
  '20261204130000-decision-notes': decisionNotes,
  '20261205100000-canonical-name-key': canonicalNameKey,
};

/** Every migration's name, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

function migrator(db: Db): Migrator {
  const provider = {
    getMigrations: (): Promise<Record<string, Migration>> =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (k: Kysely<unknown>) => m.up(k, db.dialect) }]),
        ),
      ),
  };
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  return new Migrator({ db: db.kysely, provider, ...(db.schema === null ? {} : { migrationTableSchema: db.schema }) });
}

/** Brings the database to the schema of migration `name` (for tests of a later migration's backfill). */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error !== undefined) throw new Error(`migration to ${name} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
}

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results }: MigrationResultSet = await migrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const cause = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
