import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../db/repositories/copy.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { writeRecords } from '../../services/files/record-writer.js';
import { buildZip } from '../../services/files/test-support/zip-builder.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';

// Bulk import in the browser, over HTTP as the web app calls it: upload, map, preview, review rows, commit.
// Every name and value is synthetic.

type Json = Record<string, unknown>;
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER = 'Фамилия;Имя;Дата рождения;Регион;Ссылка;Примечание';
const good = (i: number): string => `Синтетов${i};Пример;${1980 + (i % 20)};Курская обл.;https://example.org/synthetic/${i};заметка ${i}`;
/** 12 rows: row 4 has no name (error), row 7 a javascript: link (error), row 10 an unreadable date (warning). */
const PROBLEM_CSV = [HEADER, ...Array.from({ length: 12 }, (_, i) => {
  const row = i + 2;
  if (row === 4) return ';;1990;Курская обл.;https://example.org/synthetic/x;нет имени';
  if (row === 7) return `Синтетов${i};Пример;1990;Курская обл.;javascript:alert(1);плохая ссылка`;
  if (row === 10) return `Синтетов${i};Пример;когда-то давно;Курская обл.;https://example.org/synthetic/y;дата`;
  return good(i);
})].join('\n');

describe.each(await testDialects())('browser import on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const dir = mkdtempSync(join(tmpdir(), 'reckon-import-api-'));
  const cookies: Partial<Record<Role, string>> = {};
  const clock = testClock();
  const call = async (who: Role, path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
    const init: RequestInit = body === undefined ? { headers: appHeaders(cookies[who]) } : { method: 'POST', headers: appHeaders(cookies[who]), body: JSON.stringify(body) };
    const res = await app.request(path, init, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Json };
  };
  const upload = async (who: Role, bytes: string | Uint8Array, type = CSV, name = 'records.csv'): Promise<{ status: number; json: Json }> => {
    const res = await app.request(`/api/imports?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { ...appHeaders(cookies[who]), 'content-type': type }, body: bytes }, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Json };
  };
  const registerRows = async (): Promise<number> => Object.values(await countRows(t.db.kysely)).reduce((a, b) => a + b, 0);
  const written = async (): Promise<{ persons: number; claims: number; imports: number }> => {
    const c = await countRows(t.db.kysely);
    return { persons: c.persons ?? 0, claims: c.claims ?? 0, imports: c.imports ?? 0 };
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const accounts = await addTestAccounts(t.db);
    for (const role of ['viewer', 'contributor', 'verifier', 'admin'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stages an upload and answers with its columns, sample rows and a suggested mapping; the name is never a path', async () => {
    const res = await upload('contributor', PROBLEM_CSV, CSV, '../../etc/Список потерь.csv');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      fileName: 'Список потерь.csv',
      format: 'csv',
      state: 'staged',
      createdBy: 't-contributor',
      columns: ['Фамилия', 'Имя', 'Дата рождения', 'Регион', 'Ссылка', 'Примечание'],
      suggested: { columns: { Фамилия: 'surname', Имя: 'given_name', 'Дата рождения': 'birth_date', Регион: 'region', Ссылка: 'source_url' }, defaults: {} },
      suggestedProblem: null,
      preview: null,
    });
    expect((res.json.sample as string[][])[0]).toEqual(good(0).split(';'));
    expect(res.json.size).toBe(Buffer.byteLength(PROBLEM_CSV));
    // Staged, not imported.
    expect(await written()).toEqual({ persons: 0, claims: 0, imports: 0 });
  });

  it('previews problems row by row, refuses to commit while errors remain, and commits once rows are fixed or excluded', async () => {
    const id = (await upload('contributor', PROBLEM_CSV)).json.id as string;
    // A GET changes nothing: before a preview there are no problem rows to list.
    const early = await call('contributor', `/api/imports/${id}/rows?problems=1`);
    expect(early.status).toBe(409);
    expect(early.json.error).toMatch(/preview the file first/);
    const preview = await call('contributor', `/api/imports/${id}/preview`, {});
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ rows: 12, errors: 2, warnings: 1, problemRows: 3, errorRows: 2, excluded: 0, fixed: 0, claims: 10 });
    expect(preview.json.problems).toEqual([
      { row: 4, column: 'full_name', severity: 'error', message: expect.stringContaining('no name') as string },
      { row: 7, column: 'source_url', severity: 'error', message: 'not an http(s) URL' },
      { row: 10, column: 'birth_date', severity: 'warning', message: expect.stringContaining('not a date') as string },
    ]);
    const queue = await call('contributor', `/api/imports/${id}/rows?problems=1`);
    expect((queue.json.rows as { row: number }[]).map((r) => r.row)).toEqual([4, 7, 10]);
    expect(queue.json.total).toBe(3);
    const blocking = await call('contributor', `/api/imports/${id}/rows?problems=errors`);
    expect(blocking.json).toMatchObject({ total: 2, rows: [{ row: 4 }, { row: 7 }] });

    const refused = await call('contributor', `/api/imports/${id}/commit`, {});
    expect(refused.status).toBe(409);
    expect(refused.json.issues).toEqual([expect.stringMatching(/^row 4, column full_name/), expect.stringMatching(/^row 7, column source_url/)]);
    expect(await written()).toEqual({ persons: 0, claims: 0, imports: 0 });

    const fixed = await call('contributor', `/api/imports/${id}/rows/4`, { values: { surname: 'Исправленов', given_name: 'Пример' } });
    expect(fixed.status).toBe(200);
    expect(fixed.json).toMatchObject({ row: 4, problems: [], record: { surname: 'Исправленов', given_name: 'Пример', birth_date: '1990' }, fix: { values: { surname: 'Исправленов', given_name: 'Пример' }, by: 't-contributor' }, excluded: null });
    const excluded = await call('contributor', `/api/imports/${id}/rows/7`, { exclude: true, reason: 'the link is not a source' });
    expect(excluded.json).toMatchObject({ row: 7, excluded: { reason: 'the link is not a source', by: 't-contributor' } });
    expect(((await call('contributor', `/api/imports/${id}/rows?problems=1`)).json.rows as { row: number }[]).map((r) => r.row)).toEqual([10]);
    const reset = await call('contributor', `/api/imports/${id}/rows/7`, { reset: true });
    expect(reset.json).toMatchObject({ row: 7, excluded: null, fix: null, problems: [{ column: 'source_url', severity: 'error' }] });
    expect(((await call('contributor', `/api/imports/${id}/rows?problems=1`)).json.rows as { row: number }[]).map((r) => r.row)).toEqual([7, 10]);
    await call('contributor', `/api/imports/${id}/rows/7`, { exclude: true, reason: 'the link is not a source' });
    expect((await call('contributor', `/api/imports/${id}`)).json.preview).toMatchObject({ errors: 0, warnings: 1, problemRows: 1, errorRows: 0, excluded: 1, fixed: 1, rows: 11 });
    expect((await call('contributor', `/api/imports/${id}/rows/99`, { exclude: true, reason: 'no such row' })).status).toBe(404);
    const badFix = await call('contributor', `/api/imports/${id}/rows/5`, { values: { birthday: '1990' } });
    expect(badFix.status).toBe(400);
    expect(String(badFix.json.issues)).toContain('birthday');

    const all = await call('contributor', `/api/imports/${id}/rows?limit=3&offset=2`);
    expect((all.json.rows as { row: number; fix: unknown }[]).map((r) => r.row)).toEqual([4, 5, 6]);

    const commit = await call('contributor', `/api/imports/${id}/commit`, {});
    expect(commit.status).toBe(200);
    expect(commit.json).toMatchObject({ rows: 11, persons: 11, claims: 11, excluded: 1, fixed: 1, warnings: 1 });
    expect(await written()).toMatchObject({ persons: 11, claims: 11, imports: 1 });
    const found = (await call('verifier', '/api/persons?q=исправленов')).json.persons as { id: string }[];
    expect(found).toHaveLength(1);
    const claim = ((await call('verifier', `/api/persons/${found[0]?.id ?? ''}`)).json.claims as Json[])[0];
    expect(claim).toMatchObject({ surname: 'Исправленов', row_number: 4, created_by: 't-contributor' });
    expect((await call('contributor', `/api/imports/${id}`)).json).toMatchObject({ state: 'committed', importId: commit.json.importId });
    expect((await call('contributor', `/api/imports/${id}/commit`, {})).status).toBe(409);
    const rowsAfter = await call('contributor', `/api/imports/${id}/rows`);
    expect(rowsAfter.status).toBe(409);
    expect(rowsAfter.json.error).toMatch(/already committed/);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('action', 'in', ['import.stage', 'import.commit', 'import.staged.commit']).execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['import.stage', 'import.commit', 'import.staged.commit']));
  });

  // 1,200 rows: the import writes in batches of 500, so with the bad row in the middle or last, earlier rows
  // were already written inside the transaction when it is refused.
  it.each([['first', 2], ['middle', 601], ['last', 1201]])('writes nothing when the %s row is malformed (IMPORT-ATOMIC)', async (_, bad) => {
    const lines = [HEADER, ...Array.from({ length: 1200 }, (_x, i) => (i + 2 === bad ? `${good(i)};лишняя ячейка` : good(i)))];
    const id = (await upload('verifier', lines.join('\n'))).json.id as string;
    const before = await registerRows();
    const refused = await call('verifier', `/api/imports/${id}/commit`, {});
    expect(refused.status).toBe(409);
    expect(refused.json.issues).toEqual([expect.stringMatching(new RegExp(`^row ${bad}, column \\(row\\): the row has 7 cells but the header has 6`))]);
    // Nothing but the refusal: no person, source, claim or import row, and no audit event.
    expect(await registerRows()).toBe(before);
    expect((await call('verifier', `/api/imports/${id}`)).json.state).toBe('staged');
  });

  it('maps columns the guesses do not know, and says why the suggestion is incomplete', async () => {
    const res = await upload('contributor', 'Боец,Когда погиб,Откуда\nСинтетов Образец,12.03.2024,Курская обл.\n');
    expect(res.json).toMatchObject({ suggested: { columns: {} }, suggestedProblem: expect.stringContaining('no column holds a name') as string });
    const id = res.json.id as string;
    const unmapped = await call('contributor', `/api/imports/${id}/preview`, {});
    expect(unmapped.status).toBe(400);
    expect(unmapped.json.error).toMatch(/^records\.csv: row 1: no column holds a name/);
    expect(JSON.stringify(unmapped.json)).not.toContain(tmpdir());
    const mapping = { columns: { Боец: 'full_name', 'Когда погиб': 'death_date', Откуда: 'region' }, defaults: { list: 'synthetic-list' } };
    expect((await call('contributor', `/api/imports/${id}/preview`, { mapping: { columns: { Боец: 'nickname' } } })).status).toBe(400);
    const preview = await call('contributor', `/api/imports/${id}/preview`, { mapping });
    expect(preview.json).toMatchObject({ rows: 1, errors: 0, warnings: 0 });
    expect((await call('contributor', `/api/imports/${id}`)).json.mapping).toEqual(mapping);
    const rows = (await call('contributor', `/api/imports/${id}/rows`)).json.rows as { record: Json }[];
    expect(rows[0]?.record).toEqual({ full_name: 'Синтетов Образец', death_date: '12.03.2024', region: 'Курская обл.', list: 'synthetic-list' });
    expect((await call('contributor', `/api/imports/${id}/commit`, {})).json).toMatchObject({ persons: 1 });
  });

  it('reads XLSX through the ZIP guard, and refuses a type the bytes do not match (415)', async () => {
    const file = join(dir, `records-${dialect}.xlsx`);
    await writeRecords(file, 'xlsx', ['surname', 'given_name', 'death_date'], [{ surname: 'Табличный', given_name: 'Синтетик', death_date: '2024-03-12' }]);
    const bytes = readFileSync(file);
    const staged = await upload('verifier', bytes, XLSX, 'records.xlsx');
    expect(staged.status).toBe(201);
    expect(staged.json).toMatchObject({ format: 'xlsx', columns: ['surname', 'given_name', 'death_date'], sample: [['Табличный', 'Синтетик', '2024-03-12']] });
    expect((await call('verifier', `/api/imports/${String(staged.json.id)}/commit`, {})).json).toMatchObject({ persons: 1 });

    expect((await upload('verifier', bytes, CSV)).status).toBe(415);
    expect((await upload('verifier', 'a,b\n1,2\n', XLSX)).status).toBe(415);
    expect((await upload('verifier', bytes, 'application/pdf')).status).toBe(415);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await upload('verifier', xls, CSV)).json.error).toMatch(/\.xls/);
    const slip = await upload('verifier', buildZip([{ name: '../../evil.sh', data: Buffer.from('synthetic') }]), XLSX, 'evil.xlsx');
    expect(slip.status).toBe(400);
    expect(slip.json.error).toMatch(/^evil\.xlsx: refused/);
    const cp1251 = await upload('verifier', new Uint8Array([0xd4, 0xe0, 0xec, 0x0a, 0xc8, 0xe2, 0x0a]));
    expect(cp1251.status).toBe(400);
    expect(cp1251.json.error).toMatch(/not valid UTF-8/);
  });

  it('refuses a file over 50 MB with 413, declared or streamed, and stages nothing', async () => {
    const before = await t.db.kysely.selectFrom('staged_imports').select('id').execute();
    let pulled = 0;
    const stream = (total: number): ReadableStream<Uint8Array> => {
      const chunk = new Uint8Array(1024 * 1024).fill(0x61);
      return new ReadableStream({
        pull(controller) {
          if (pulled >= total) controller.close();
          else {
            pulled += chunk.length;
            controller.enqueue(chunk);
          }
        },
      });
    };
    const send = (body: ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<Response> =>
      Promise.resolve(app.request('/api/imports', { method: 'POST', headers: { ...appHeaders(cookies.contributor), 'content-type': CSV, ...headers }, body, duplex: 'half' }, fromClient('127.0.0.1')));
    const declared = await send(stream(60 * 1024 * 1024), { 'content-length': String(60 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(pulled).toBeLessThan(4 * 1024 * 1024); // refused on the header, before the body was read
    pulled = 0;
    const chunked = await send(stream(60 * 1024 * 1024), {});
    expect(chunked.status).toBe(413);
    expect(pulled).toBeLessThan(56 * 1024 * 1024);
    expect(await t.db.kysely.selectFrom('staged_imports').select('id').execute()).toEqual(before);
  });

  it('shows contributors only their own uploads; verifiers see and act on all; discard drops the file', async () => {
    const mine = (await upload('contributor', `${HEADER}\n${good(1)}\n`)).json.id as string;
    const theirs = (await upload('verifier', `${HEADER}\n${good(2)}\n`)).json.id as string;
    const queue = async (who: Role): Promise<string[]> => ((await call(who, '/api/queues/imports?limit=500')).json.imports as { id: string }[]).map((i) => i.id);
    expect(await queue('contributor')).toContain(mine);
    expect(await queue('contributor')).not.toContain(theirs);
    expect(await queue('verifier')).toEqual(expect.arrayContaining([mine, theirs]));
    expect((await call('contributor', `/api/imports/${theirs}`)).status).toBe(404);
    expect((await call('contributor', `/api/imports/${theirs}/rows/2`, { exclude: true, reason: 'not mine' })).status).toBe(404);
    expect((await call('contributor', `/api/imports/${theirs}/discard`, { reason: 'not mine' })).status).toBe(404);
    expect((await call('viewer', '/api/queues/imports')).status).toBe(403);

    expect((await call('contributor', `/api/imports/${mine}/rows/2`, { values: { unit: 'synthetic unit fixed' } })).status).toBe(200);
    expect((await call('contributor', `/api/imports/${mine}`)).json.sample).not.toEqual([]);
    const discarded = await call('verifier', `/api/imports/${mine}/discard`, { reason: 'wrong file uploaded' });
    expect(discarded.json).toMatchObject({ state: 'discarded', sample: [] });
    // Nothing of the discarded file's rows is kept: no sample rows, no fixed values.
    expect(await t.db.kysely.selectFrom('staged_import_fixes').select('row_number').where('staged_id', '=', mine).execute()).toEqual([]);
    expect(await queue('contributor')).not.toContain(mine);
    expect(await t.db.kysely.selectFrom('staged_import_chunks').select('seq').where('staged_id', '=', mine).execute()).toEqual([]);
    expect((await call('contributor', `/api/imports/${mine}/preview`, {})).status).toBe(409);
  });
});
