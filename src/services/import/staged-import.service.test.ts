import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../db/repositories/copy.repository.js';
import { findStagedImport, listStagedFixes, readStagedChunk } from '../../db/repositories/staged-import.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { StagedImportRefused } from './staged-common.js';
import { commitStaged, getStagedImport, stageImport } from './staged-import.service.js';
import { decideRow, previewStaged } from './staged-review.service.js';

// Integrity of the staged import review: a row decision and the preview's counts change together, and a commit
// imports exactly the bytes that were uploaded. Every name is synthetic.

const dir = mkdtempSync(join(tmpdir(), 'reckon-staged-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CSV = ['surname;given_name;birth_date;region', ...Array.from({ length: 8 }, (_, i) => `Синтетов${String(i)};Пример;${String(1980 + i)};Курская обл.`)].join('\n');
const carl: SessionUser = { id: 'carl', username: 'carl', displayName: 'carl', role: 'contributor' };

describe.each(await testDialects())('staged import integrity on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  const stage = async (text: string): Promise<string> => {
    const path = join(mkdtempSync(join(dir, 'f-')), 'records.csv');
    writeFileSync(path, text);
    return (await stageImport(t.db, carl, { path, declared: 'csv', name: 'records.csv' })).id;
  };

  /** Makes any write of a staged import's preview counts fail, as a full disk or a dropped connection would. */
  async function failCountWrites(on: boolean): Promise<void> {
    if (dialect === 'sqlite') {
      await sql.raw(on ? `CREATE TRIGGER fail_counts BEFORE UPDATE OF preview ON staged_imports BEGIN SELECT RAISE(ABORT, 'synthetic failure'); END` : 'DROP TRIGGER fail_counts').execute(t.db.kysely);
      return;
    }
    if (!on) {
      await sql.raw('DROP TRIGGER fail_counts ON staged_imports').execute(t.db.kysely);
      return;
    }
    await sql.raw(`CREATE OR REPLACE FUNCTION fail_counts() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'synthetic failure'; END $$ LANGUAGE plpgsql`).execute(t.db.kysely);
    await sql.raw('CREATE TRIGGER fail_counts BEFORE UPDATE OF preview ON staged_imports FOR EACH ROW EXECUTE FUNCTION fail_counts()').execute(t.db.kysely);
  }

  it('saves a row decision and the counts it changes together: when the counts cannot be written, the decision is not kept', async () => {
    const id = await stage(CSV);
    await previewStaged(t.db, carl, id, {});
    await failCountWrites(true);
    try {
      await expect(decideRow(t.db, carl, id, 3, { exclude: true, reason: 'a synthetic duplicate row' })).rejects.toThrow(/synthetic failure/);
    } finally {
      await failCountWrites(false);
    }
    // Nothing half-done: the row is not excluded while the counts say it is not.
    expect(await listStagedFixes(t.db.kysely, id)).toEqual([]);
    expect((await getStagedImport(t.db, carl, id)).preview).toMatchObject({ rows: 8, excluded: 0 });
    await decideRow(t.db, carl, id, 3, { exclude: true, reason: 'a synthetic duplicate row' });
    expect((await getStagedImport(t.db, carl, id)).preview).toMatchObject({ rows: 7, excluded: 1 });
  });

  it('refuses to commit a file whose stored bytes no longer match the upload, and writes nothing', async () => {
    const id = await stage(CSV);
    await previewStaged(t.db, carl, id, {});
    const chunk = await readStagedChunk(t.db.kysely, id, 0);
    const altered = Buffer.from((chunk ?? Buffer.alloc(0)).toString('utf8').replace('Синтетов3', 'Подменов3'));
    await t.db.kysely.updateTable('staged_import_chunks').set({ bytes: altered }).where('staged_id', '=', id).where('seq', '=', 0).execute();
    const before = await countRows(t.db.kysely);
    const refused = commitStaged(t.db, carl, id, {});
    await expect(refused).rejects.toBeInstanceOf(StagedImportRefused);
    await expect(refused).rejects.toThrow(/no longer matches its upload.*nothing written|nothing written.*no longer matches its upload/);
    expect(await countRows(t.db.kysely)).toEqual(before);
    expect((await findStagedImport(t.db.kysely, id))?.state).toBe('staged');
  });
});
