import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from './database.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest, migrateUpTo } from './migrator.js';

/** Test support: every repository test runs on each of these (as Kysely's own suite does). */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** The PostgreSQL server tests use; override with RECKON_TEST_PG. */
export const TEST_PG_URL = process.env.RECKON_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: boolean | undefined;

/** Whether PostgreSQL tests can run here; with RECKON_REQUIRE_PG=1 (CI) an unreachable server is an error. */
export async function postgresAvailable(): Promise<boolean> {
  if (pgReachable !== undefined) return pgReachable;
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    pgReachable = true;
  } catch (error) {
    if (process.env.RECKON_REQUIRE_PG === '1') {
      throw new Error(`RECKON_REQUIRE_PG=1 but PostgreSQL at ${TEST_PG_URL} is unreachable: ${(error as Error).message}`);
    }
    pgReachable = false;
  }
  return pgReachable;
}

export interface TestDb {
  db: Db;
  /** The --db value that reaches the same database (a file path, or a URL with the schema in search_path). */
  url: string;
  schema?: string;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database of the given dialect: a temp SQLite file, or a new PostgreSQL schema. `upTo`: only
 * up to that migration (to test what a later one does to existing rows).
 */
export async function createTestDb(dialect: DialectName, options: { upTo?: string } = {}): Promise<TestDb> {
  const migrate = (db: Db): Promise<unknown> => (options.upTo === undefined ? migrateToLatest(db) : migrateUpTo(db, options.upTo));
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'reckon-test-'));
    const url = join(dir, 'test.sqlite');
    const db = await openDb(url);
    await migrate(db);
    return {
      db,
      url,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = await openDb(TEST_PG_URL, { schema });
  await migrate(db);
  const url = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    db,
    url,
    schema,
    dispose: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** The dialects to test here: both, or SQLite alone (with a warning) when PostgreSQL is unreachable outside CI. */
export async function testDialects(): Promise<DialectName[]> {
  if (await postgresAvailable()) return [...DIALECTS];
  process.stderr.write(`warning: PostgreSQL at ${TEST_PG_URL} unreachable; PostgreSQL tests not run (CI sets RECKON_REQUIRE_PG=1)\n`);
  return ['sqlite'];
}
