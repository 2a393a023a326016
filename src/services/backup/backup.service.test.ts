import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../core/verification/confirmation-rule.js';
import { openDb } from '../../db/database.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { createTestDb, TEST_PG_URL, testDialects, type TestDb } from '../../db/testing.js';
import { searchPersons } from '../person/person.service.js';
import { seedPerson } from '../testing/seed.js';
import { decide } from '../verification/verification.service.js';
import { backupDatabase, restoreDatabase } from './backup.service.js';
import { generateBackupKeys, readPrivateKey, readPublicKey } from './backup-crypto.js';

const dialects = await testDialects();

describe.each(dialects)('backup and restore drill from %s (BACKUP-RESTORE)', (dialect) => {
  let t: TestDb;
  let dir: string;
  let confirmed: string;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    dir = mkdtempSync(join(tmpdir(), 'reckon-backup-'));
    for (let i = 0; i < 20; i++) await seedPerson(t.db, { author: 'anna', kind: 'relative_post' });
    confirmed = await seedPerson(t.db, { author: 'anna', kind: 'grave_photo' });
    await decide(t.db, DEFAULT_RULE, { personId: confirmed, decision: 'confirmed', reason: 'photo of the grave', actor: 'boris' });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a new SQLite file and into PostgreSQL with the same rows and audit chain', async () => {
    const file = join(dir, 'backup.sqlite');
    const manifest = await backupDatabase(t.db, file);
    expect(manifest.rows.persons).toBe(21);
    expect(manifest.auditHead).toMatch(/^[0-9a-f]{64}$/);

    const target = join(dir, 'restored.sqlite');
    const result = await restoreDatabase(file, target);
    expect(result.rows).toEqual(manifest.rows);
    expect(result.auditHead).toBe(manifest.auditHead);
    const restored = await openDb(target);
    expect((await findPerson(restored.kysely, confirmed))?.verification).toBe('confirmed');
    expect(restored.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
    await restored.close();

    if (dialects.includes('postgres')) {
      const schema = `restore_${Date.now().toString(36)}`;
      try {
        const pgResult = await restoreDatabase(file, TEST_PG_URL, schema);
        expect(pgResult.rows).toEqual(manifest.rows);
        expect(pgResult.auditHead).toBe(manifest.auditHead);
      } finally {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    }
  });

  it('encrypts to a recipient key: no name in the clear, restores only with the private key, leaves no plain copy', async () => {
    const keys = generateBackupKeys();
    const file = join(dir, 'encrypted.bak');
    const tmpBefore = readdirSync(tmpdir()).filter((f) => f.startsWith('reckon-backup-')).length;
    const manifest = await backupDatabase(t.db, file, { recipient: readPublicKey(keys.publicPem) });
    expect(manifest.encryption?.recipient).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('reckon-backup-')).length).toBe(tmpBefore);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const person = await findPerson(t.db.kysely, confirmed);
    expect(bytes.includes(Buffer.from(person!.surname ?? 'never'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('encrypted.bak'))).toEqual(['encrypted.bak', 'encrypted.bak.manifest.json']);

    const target = join(dir, 'no-key.sqlite');
    await expect(restoreDatabase(file, target)).rejects.toThrow(/encrypted: pass the private key/);
    await expect(restoreDatabase(file, target, undefined, { identity: readPrivateKey(generateBackupKeys().privatePem) })).rejects.toThrow(/different key/);
    expect(existsSync(target)).toBe(false);

    const restoredPath = join(dir, 'decrypted.sqlite');
    const result = await restoreDatabase(file, restoredPath, undefined, { identity: readPrivateKey(keys.privatePem) });
    expect(result.rows).toEqual(manifest.rows);
    expect(result.auditHead).toBe(manifest.auditHead);
    const restored = await openDb(restoredPath);
    expect((await findPerson(restored.kysely, confirmed))?.verification).toBe('confirmed');
    await restored.close();
  });

  it('refuses a backup whose bytes changed, and leaves no half-written target', async () => {
    const file = join(dir, 'tampered.sqlite');
    await backupDatabase(t.db, file);
    appendFileSync(file, Buffer.from([0]));
    const target = join(dir, 'never.sqlite');
    await expect(restoreDatabase(file, target)).rejects.toThrow(/manifest hash/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to overwrite an existing backup or restore into an existing file', async () => {
    const file = join(dir, 'twice.sqlite');
    await backupDatabase(t.db, file);
    await expect(backupDatabase(t.db, file)).rejects.toThrow(/already exists/);
    await expect(restoreDatabase(file, file)).rejects.toThrow(/already exists/);
  });
});

describe('restoring a backup made before persons had a canonical name key', () => {
  it('gives each restored person the key, so search finds them across scripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckon-old-backup-'));
    const old = await createTestDb('sqlite', { upTo: '20261204130000-decision-notes' });
    try {
      const now = new Date().toISOString();
      // The persons table as it was then (no canon_key); a synthetic person.
      await sql`INSERT INTO persons (id, surname, given_name, name_key, birth_precision, region_code, death_precision, category, status, verification, created_by, created_at, updated_at)
        VALUES ('00000000-0000-7000-8000-000000000001', 'Старобэкапов', 'Фёдор', 'старобэкапов федор', 'unknown', 'UNKNOWN', 'unknown', 'unknown', 'dead', 'reported', 'anna', ${now}, ${now})`.execute(old.db.kysely);
      const file = join(dir, 'old.sqlite');
      await backupDatabase(old.db, file);
      const target = join(dir, 'restored.sqlite');
      await restoreDatabase(file, target);
      const restored = await openDb(target);
      try {
        expect((await searchPersons(restored, { q: 'Starobekapov Fyodor' })).map((p) => p.name)).toEqual(['Старобэкапов Фёдор']);
      } finally {
        await restored.close();
      }
    } finally {
      await old.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
