import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './database.js';
import { MIGRATION_NAMES, migrateToLatest } from './migrator.js';
import { createTestDb, testDialects } from './testing.js';

describe('openDb on a SQLite file', () => {
  it('creates the file and its folder, with WAL, synchronous=FULL, foreign keys and a busy timeout (DB-CRASH)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckon-db-'));
    try {
      const db = await openDb(join(dir, 'nested', 'r.sqlite'));
      expect(db.dialect).toBe('sqlite');
      expect(db.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.sqlite?.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite?.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(await migrateToLatest(db)).toEqual(MIGRATION_NAMES);
      expect(MIGRATION_NAMES[0]).toBe('20261202080000-initial');
      expect(await migrateToLatest(db)).toEqual([]);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf((await testDialects()).includes('postgres'))('openDb on PostgreSQL', () => {
  it('migrates its own schema while another schema in the same database is dropped, column by column', async () => {
    // Kysely's own introspector read every schema's columns, so a schema dropped meanwhile (another register,
    // another test) failed the migration with "schema … does not exist". Reckon's sees its own schema only.
    const other = await createTestDb('postgres');
    const mine = await createTestDb('postgres');
    try {
      const tables = await mine.db.kysely.introspection.getTables();
      expect(tables.length).toBeGreaterThan(10);
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([mine.schema]));
      const dropping = (async () => {
        for (const table of tables.map((t) => t.name)) await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(other.db.kysely);
      })();
      for (let i = 0; i < 20; i++) expect(await migrateToLatest(mine.db)).toEqual([]);
      await dropping;
    } finally {
      await other.dispose();
      await mine.dispose();
    }
  });
});
