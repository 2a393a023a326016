import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import { generateRegister } from '../../core/synth/generate.js';
import { countRows } from '../../db/repositories/copy.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { exportRecords } from '../export/export.service.js';
import { searchPersons } from '../person/person.service.js';
import { writeRecords } from '../files/record-writer.js';
import { importFile } from './import-file.js';
import { ImportRejected } from './import.service.js';

const dir = mkdtempSync(join(tmpdir(), 'reckon-import-'));
const { records } = generateRegister({ persons: 120, seed: 'import-test' });
const demoCsv = join(dir, 'records.csv');
await writeRecords(demoCsv, 'csv', RECORD_COLUMNS, records);

async function withBadRow(at: number): Promise<string> {
  const file = join(dir, `bad-${at}.csv`);
  const rows = records.map((r, i) => (i === at ? { ...r, surname: '', given_name: '', full_name: '', patronymic: '' } : r));
  await writeRecords(file, 'csv', RECORD_COLUMNS, rows);
  return file;
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(await testDialects())('importing records on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  it.each([0, Math.floor(records.length / 2), records.length - 1])('writes nothing when the row at index %i has no name (IMPORT-ATOMIC)', async (index) => {
    const file = await withBadRow(index);
    // Small batches, so rows before the bad one were already written inside the transaction.
    const error = await importFile(t.db, file, { actor: 'anna', batchSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).message).toContain(`row ${index + 2}, column full_name`);
    const counts = await countRows(t.db.kysely);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('a dry run previews problems and writes nothing', async () => {
    const summary = await importFile(t.db, demoCsv, { actor: 'anna', dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, rows: records.length, errors: 0 });
    expect((await countRows(t.db.kysely)).claims).toBe(0);
  });

  it('imports the same records from XLSX as from CSV', async () => {
    const xlsx = join(dir, `records-${dialect}.xlsx`);
    await writeRecords(xlsx, 'xlsx', RECORD_COLUMNS, records.slice(0, 50));
    const summary = await importFile(t.db, xlsx, { actor: 'anna', dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, rows: 50, errors: 0 });
  });

  it('round-trips every as-given value through import and export', async () => {
    const summary = await importFile(t.db, demoCsv, { actor: 'anna' });
    expect(summary).toMatchObject({ rows: records.length, claims: records.length, errors: 0 });
    const table = await exportRecords(t.db);
    const out = join(dir, `export-${dialect}.csv`);
    await writeRecords(out, 'csv', table.columns, table.rows);
    const exported: Record<string, string>[] = parse(readFileSync(out), { columns: true });
    expect(exported).toHaveLength(records.length);
    const byId = new Map(exported.map((r) => [r.record_id, r]));
    for (const original of records) {
      const back = byId.get(original.record_id);
      for (const column of RECORD_COLUMNS) {
        // Values that start like a formula come back with the export's protective apostrophe.
        const value = back?.[column] ?? '';
        expect(value.startsWith("'") && !original[column].startsWith("'") ? value.slice(1) : value, `${original.record_id}.${column}`).toBe(original[column]);
      }
    }
  });

  it.each([false, true])('keeps cells with backslashes, tabs and line breaks exactly (worker: %s)', async (worker) => {
    // On PostgreSQL the rows go in by COPY, whose text format escapes these: what comes back must be what was given.
    const tricky = ['back\\slash \\N', 'tab\there', 'line one\nline two', 'crlf\r\nend', '\\.', '\\N', '"quoted", comma;', 'Ёлкин 🙂', '  spaced  '];
    const file = join(dir, `tricky-${dialect}-${worker}.csv`);
    const rows = tricky.map((text, i) => ({ record_id: `tricky-${worker}-${i}`, full_name: `Трудный${i} Иван`, unit: text, note: text }));
    await writeRecords(file, 'csv', ['record_id', 'full_name', 'unit', 'note'], rows);
    const summary = await importFile(t.db, file, { actor: 'anna', worker });
    const back = await t.db.kysely.selectFrom('claims').select(['record_id', 'unit', 'extra']).where('import_id', '=', summary.importId).orderBy('row_number').execute();
    expect(back.map((c) => c.unit)).toEqual(tricky);
    const note = (extra: unknown): unknown => ((typeof extra === 'string' ? JSON.parse(extra) : extra) as { note?: unknown } | null)?.note;
    expect(back.map((c) => note(c.extra))).toEqual(tricky);
  });

  it('gives the rows of one person column to one person, and other spellings become searchable aliases', async () => {
    // Synthetic, fictional person: two sources spell him differently; the file's own key says they are one man.
    const file = join(dir, `keyed-${dialect}.csv`);
    await writeRecords(file, 'csv', ['key', 'full_name', 'region'], [
      { key: 'k-1', full_name: 'Тестов Евгений Петрович', region: 'Бурятия' },
      { key: 'k-1', full_name: 'Yevgeny Testov', region: '' },
      { key: 'k-2', full_name: 'Пробный Олег', region: '' },
    ]);
    // A dry run counts what the import will write.
    expect(await importFile(t.db, file, { actor: 'anna', personColumn: 'key', dryRun: true })).toMatchObject({ dryRun: true, rows: 3, persons: 2, sources: 3, claims: 3 });
    const summary = await importFile(t.db, file, { actor: 'anna', personColumn: 'key' });
    expect(summary).toMatchObject({ rows: 3, persons: 2, claims: 3 });
    const byLatin = await searchPersons(t.db, { q: 'Testov Yevgeny' });
    expect(byLatin.map((p) => p.name)).toEqual(['Тестов Евгений Петрович']);
    expect((await searchPersons(t.db, { q: 'Пробный' })).map((p) => p.name)).toEqual(['Пробный Олег']);
  });
});
