import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from './database.js';
import { MIGRATION_NAMES, migrateToLatest } from './migrator.js';

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
