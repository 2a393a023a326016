import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';
import { addClaimRow, addPersonRow, addSourceRow } from '../auth/object-fixtures.js';

// GET /api/export as the web app offers it: who gets which rows, restricted sources' fields only on an
// explicit ask by a role granted them, formula-safe cells, an audit event for every export.
const load = createRequire(import.meta.url);
const excel = (): typeof import('exceljs') => load('exceljs') as typeof import('exceljs');
const RESTRICTED_URL = 'https://example.org/synthetic-restricted-obituary';
const FORMULA = '=HYPERLINK("https://example.org","click")';

describe.each(await testDialects())('GET /api/export on %s (CSV-EXPORT, AUTHZ-FIELD)', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let own: string;
  let others: string;
  const cookies: Partial<Record<Role, string>> = {};
  const clock = testClock();
  const get = async (who: Role, query: string): Promise<Response> => app.request(`/api/export${query}`, { headers: appHeaders(cookies[who]) }, fromClient('127.0.0.1'));
  const csv = async (who: Role, query: string): Promise<Record<string, string>[]> => {
    const res = await get(who, query);
    expect(res.status).toBe(200);
    return parse<Record<string, string>>(await res.text(), { columns: true, bom: true });
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const accounts = await addTestAccounts(t.db);
    for (const role of ['viewer', 'contributor', 'verifier', 'admin'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
    const restricted = await addSourceRow(t.db, { sensitivity: 'restricted', createdBy: 'other-volunteer', kind: 'relative_post', kind_text: 'his sister’s post (synthetic)', url: RESTRICTED_URL, list: 'synthetic-informants', published_at: '2024-03-14' });
    own = await addPersonRow(t.db, { verification: 'reported', createdBy: 't-contributor' });
    others = await addPersonRow(t.db, { verification: 'confirmed', createdBy: 'other-volunteer' });
    await addClaimRow(t.db, { personId: own, sourceId: restricted, createdBy: 'other-volunteer', unit: FORMULA, extra: JSON.stringify({ informant_phone: '+7 900 000-00-00 (synthetic)' }) });
  });
  afterAll(async () => t.dispose());

  it('gives viewers every record, with restricted sources’ fields blank and formulas made inert', async () => {
    const res = await get('viewer', '?what=records&format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="reckon-records-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await csv('viewer', '?what=records&format=csv');
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set([own, others]));
    const fromRestricted = rows.find((r) => r.unit !== '');
    expect(fromRestricted).toMatchObject({ person_id: own, source_url: '', list: '', published_at: '', source_kind: 'relative_post', unit: `'${FORMULA}` });
    expect(Object.keys(rows[0]!)).not.toContain('informant_phone');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r\0]/);
  });

  it('gives a verifier the restricted fields only when asked, and refuses the ask to viewers and contributors', async () => {
    const plain = await csv('verifier', '?format=csv');
    expect(plain.map((r) => r.source_url)).not.toContain(RESTRICTED_URL);
    const full = await csv('verifier', '?format=csv&includeRestricted=true');
    expect(full.find((r) => r.person_id === own && r.unit !== '')).toMatchObject({ source_url: RESTRICTED_URL, list: 'synthetic-informants', source_kind: 'his sister’s post (synthetic)', published_at: '2024-03-14', informant_phone: "'+7 900 000-00-00 (synthetic)" });
    for (const who of ['viewer', 'contributor'] as const) {
      const refused = await get(who, '?format=csv&includeRestricted=true');
      expect(refused.status).toBe(403);
    }
    const events = (await listAudit(t.db.kysely)).filter((e) => e.action === 'register.export' && e.actor === 't-verifier');
    expect(events.map((e) => e.after)).toEqual([
      { what: 'records', format: 'csv', includeRestricted: false, scope: 'all' },
      { what: 'records', format: 'csv', includeRestricted: true, scope: 'all' },
    ]);
  });

  it('gives a contributor only the persons they entered', async () => {
    expect((await csv('contributor', '?what=persons&format=csv')).map((r) => r.id)).toEqual([own]);
    expect(new Set((await csv('contributor', '?what=records&format=csv')).map((r) => r.person_id))).toEqual(new Set([own]));
    const json = (await (await get('contributor', '?what=persons&format=json')).json()) as { id: string; verification: string }[];
    expect(json.map((p) => [p.id, p.verification])).toEqual([[own, 'reported']]);
  });

  it('writes XLSX that opens, with the header row first', async () => {
    const res = await get('admin', '?what=persons&format=xlsx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new (excel().Workbook)();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('persons');
    expect(sheet.getRow(1).getCell(1).text).toBe('id');
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses an unknown format or key with a 400 naming it', async () => {
    const bad = await get('viewer', '?format=pdf');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('format');
    const unknown = await get('viewer', '?format=csv&columns=all');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('columns');
  });
});
