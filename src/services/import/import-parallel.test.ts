import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import { generateRegister } from '../../core/synth/generate.js';
import { countRows } from '../../db/repositories/copy.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { RecordFileError } from '../files/record-file-error.js';
import { writeRecords } from '../files/record-writer.js';
import { searchPersons } from '../person/person.service.js';
import { importFile } from './import-file.js';
import { ImportRejected } from './import.service.js';

// The import of a big file reads and derives its rows in a worker thread while the main thread writes them.
// These tests force that path on small synthetic files and hold it to what the one-thread import does.

const dir = mkdtempSync(join(tmpdir(), 'reckon-import-worker-'));
const { records } = generateRegister({ persons: 150, seed: 'import-worker-test' });
const demoCsv = join(dir, 'records.csv');
await writeRecords(demoCsv, 'csv', RECORD_COLUMNS, records);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What one import wrote, row by row, without the ids and times that differ between two imports. */
async function written(t: TestDb, importId: string): Promise<unknown[]> {
  const rows = await t.db.kysely
    .selectFrom('claims as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .where('c.import_id', '=', importId)
    .select(['c.row_number', 'c.record_id', 'c.surname', 'c.given_name', 'c.patronymic', 'c.full_name', 'c.birth_date', 'c.age', 'c.region', 'c.death_date', 'c.category', 'c.extra'])
    .select(['s.kind', 's.kind_text', 's.list', 's.url', 's.published_at', 's.import_id'])
    .select(['p.name_key', 'p.surname as p_surname', 'p.given_name as p_given', 'p.birth_from', 'p.birth_to', 'p.region_code', 'p.death_from', 'p.category as p_category', 'p.verification'])
    .orderBy('c.row_number')
    .execute();
  return rows.map((r) => ({ ...r, import_id: r.import_id === importId, extra: typeof r.extra === 'string' ? (JSON.parse(r.extra) as unknown) : r.extra }));
}

describe.each(await testDialects())('importing a file in a worker thread on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  it('writes exactly what the one-thread import writes', async () => {
    const one = await importFile(t.db, demoCsv, { actor: 'anna', worker: false });
    const two = await importFile(t.db, demoCsv, { actor: 'anna', worker: true, batchSize: 7 });
    expect(two).toMatchObject({ rows: records.length, persons: records.length, claims: records.length, errors: 0 });
    expect({ ...two, importId: null }).toEqual({ ...one, importId: null });
    const a = await written(t, one.importId ?? '');
    expect(a).toHaveLength(records.length);
    expect(await written(t, two.importId ?? '')).toEqual(a);
    const events = await t.db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'import.commit').execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual([one.importId, two.importId].sort());
  });

  it('writes nothing when a row has an error, and names its row and column (IMPORT-ATOMIC)', async () => {
    const before = await countRows(t.db.kysely);
    const at = records.length - 20;
    const file = join(dir, `bad-${dialect}.csv`);
    await writeRecords(file, 'csv', RECORD_COLUMNS, records.map((r, i) => (i === at ? { ...r, surname: '', given_name: '', full_name: '', patronymic: '' } : r)));
    // Batches of 10 rows: many were written inside the transaction before the worker reached the bad row.
    const error = await importFile(t.db, file, { actor: 'anna', worker: true, batchSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).message).toContain(`row ${at + 2}, column full_name`);
    expect((error as ImportRejected).summary.rows).toBe(records.length);
    expect(await countRows(t.db.kysely)).toEqual(before);
  });

  it('rolls everything back when the database fails in the middle of the file', async () => {
    const before = await countRows(t.db.kysely);
    if (dialect === 'postgres') {
      await sql`CREATE FUNCTION fail_row_90() RETURNS trigger AS $$ BEGIN IF NEW.row_number = 90 THEN RAISE EXCEPTION 'simulated write failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(t.db.kysely);
      await sql`CREATE TRIGGER fail_row_90 BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION fail_row_90()`.execute(t.db.kysely);
    } else {
      await sql`CREATE TRIGGER fail_row_90 BEFORE INSERT ON claims WHEN NEW.row_number = 90 BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`.execute(t.db.kysely);
    }
    try {
      const error = await importFile(t.db, demoCsv, { actor: 'anna', worker: true, batchSize: 10 }).catch((e: unknown) => e);
      expect(String(error)).toContain('simulated write failure');
    } finally {
      await sql`DROP TRIGGER fail_row_90${sql.raw(dialect === 'postgres' ? ' ON claims' : '')}`.execute(t.db.kysely);
    }
    expect(await countRows(t.db.kysely)).toEqual(before);
    // The register works on: the next import goes through.
    expect((await importFile(t.db, demoCsv, { actor: 'anna', worker: true })).claims).toBe(records.length);
  });

  it('refuses a file it cannot read with the same error as the one-thread import', async () => {
    const file = join(dir, `latin1-${dialect}.csv`);
    const text = readFileSync(demoCsv);
    const cut = text.indexOf('\n', text.length >> 1) + 1;
    writeFileSync(file, Buffer.concat([text.subarray(0, cut), Buffer.from([0xc0, 0x41, 0x0a]), text.subarray(cut)]));
    const before = await countRows(t.db.kysely);
    const one = await importFile(t.db, file, { actor: 'anna', worker: false, batchSize: 10 }).catch((e: unknown) => e);
    const two = await importFile(t.db, file, { actor: 'anna', worker: true, batchSize: 10 }).catch((e: unknown) => e);
    expect(one).toBeInstanceOf(RecordFileError);
    expect(two).toBeInstanceOf(RecordFileError);
    expect((two as RecordFileError).message).toBe((one as RecordFileError).message);
    expect((two as RecordFileError).message).toMatch(/line \d+/);
    expect(await countRows(t.db.kysely)).toEqual(before);
  });

  it('gives the rows of one person column to one person across batches, other spellings as aliases', async () => {
    const file = join(dir, `keyed-${dialect}.csv`);
    // Synthetic, fictional people; the same key is 37 rows apart, so its rows land in different batches.
    const surnames = ['Аксёнов', 'Белкин', 'Вьюгин', 'Гладков', 'Дымов', 'Ельцов', 'Жарков', 'Зимин'];
    const rows = Array.from({ length: 40 }, (_, i) => ({ key: `k-${i}`, full_name: `${surnames[i % 8] ?? ''} Иван ${['Петрович', 'Олегович', 'Ильич', 'Саввич', 'Фомич'][Math.floor(i / 8)] ?? ''}`, region: '' }));
    rows.push({ key: 'k-3', full_name: 'Ivan Gladkoff-Sintetov', region: 'Бурятия' });
    await writeRecords(file, 'csv', ['key', 'full_name', 'region'], rows);
    const summary = await importFile(t.db, file, { actor: 'anna', personColumn: 'key', worker: true, batchSize: 8 });
    expect(summary).toMatchObject({ rows: 41, persons: 40, claims: 41 });
    const person = await t.db.kysely.selectFrom('persons').select(['id', 'region_code']).where('full_name', '=', 'Гладков Иван Петрович').executeTakeFirstOrThrow();
    expect(person.region_code).toBe('RU-BU');
    expect((await searchPersons(t.db, { q: 'Gladkoff-Sintetov Ivan' })).map((p) => p.id)).toEqual([person.id]);
    const aliases = await t.db.kysely.selectFrom('person_aliases').select(['person_id', 'alias', 'kind']).execute();
    expect(aliases).toEqual([{ person_id: person.id, alias: 'Ivan Gladkoff-Sintetov', kind: 'source' }]);
  });

  it('imports an XLSX workbook the same way', async () => {
    const xlsx = join(dir, `records-${dialect}.xlsx`);
    await writeRecords(xlsx, 'xlsx', RECORD_COLUMNS, records.slice(0, 60));
    const summary = await importFile(t.db, xlsx, { actor: 'anna', worker: true, batchSize: 25 });
    expect(summary).toMatchObject({ rows: 60, claims: 60, errors: 0 });
    const rows = await written(t, summary.importId ?? '');
    expect(rows.map((r) => (r as { record_id: string }).record_id)).toEqual(records.slice(0, 60).map((r) => r.record_id));
  });
});
