import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { tinyPng } from '../../services/evidence/test-images.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';

// Intake over HTTP as the web app does it: a source, a screenshot for it, then the person it names.
// A real (decodable) PNG: images are re-encoded into a metadata-free derivative at upload.
const PNG = new Uint8Array(await tinyPng());
const PDF = new TextEncoder().encode('%PDF-1.7\n% synthetic test file\n');

describe.each(await testDialects())('intake over HTTP on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let store: string;
  const cookies: Partial<Record<Role, string>> = {};
  const clock = testClock();
  const call = async (who: Role, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const init: RequestInit = body === undefined ? { headers: appHeaders(cookies[who]) } : { method: 'POST', headers: appHeaders(cookies[who]), body: typeof body === 'string' ? body : JSON.stringify(body) };
    const res = await app.request(path, init, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const upload = async (who: Role, sourceId: string, type: string, bytes: Uint8Array): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await app.request(`/api/sources/${sourceId}/evidence`, { method: 'POST', headers: { ...appHeaders(cookies[who]), 'content-type': type }, body: bytes }, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const addSource = async (who: Role, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await call(who, '/api/sources', { kind: 'obituary', url: 'https://example.org/obituary/42', publisher: 'Example Gazette', published_at: '2025-03-01', language: 'ru', ...extra });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    store = mkdtempSync(join(tmpdir(), 'reckon-intake-store-'));
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT }, evidenceStore: store });
    const accounts = await addTestAccounts(t.db);
    for (const role of ['viewer', 'contributor', 'verifier'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(store, { recursive: true, force: true });
  });

  it('adds a source, refusing non-http URLs, unknown keys and __proto__ payloads with a 400 naming the field', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'not a url']) {
      const res = await call('contributor', '/api/sources', { kind: 'obituary', url });
      expect(res.status, url).toBe(400);
      expect(String(res.json.issues)).toContain('url');
    }
    const extra = await call('contributor', '/api/sources', { kind: 'obituary', url: 'https://example.org', author: 'someone' });
    expect(extra.status).toBe(400);
    expect(String(extra.json.issues)).toContain('author');
    const proto = await call('contributor', '/api/sources', '{"kind":"obituary","url":"https://example.org","__proto__":{"sensitivity":"public"}}');
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).sensitivity).toBeUndefined();
    const id = await addSource('contributor');
    const shown = await call('contributor', `/api/sources/${id}`);
    expect(shown.json).toMatchObject({ id, kind: 'obituary', url: 'https://example.org/obituary/42', publisher: 'Example Gazette', sensitivity: 'public', created_by: 't-contributor', evidence: [] });
  });

  it('keeps restricted sources from viewers, and contributors to their own', async () => {
    const restricted = await addSource('verifier', { sensitivity: 'restricted' });
    expect((await call('viewer', `/api/sources/${restricted}`)).status).toBe(404);
    expect((await call('contributor', `/api/sources/${restricted}`)).status).toBe(404);
    expect((await call('verifier', `/api/sources/${restricted}`)).status).toBe(200);
    const own = await addSource('contributor', { sensitivity: 'restricted' });
    expect((await call('contributor', `/api/sources/${own}`)).status).toBe(200);
    expect((await call('viewer', `/api/sources/${own}`)).status).toBe(404);
  });

  it('stores an uploaded screenshot under its SHA-256 and checks the declared type against the bytes', async () => {
    const id = await addSource('contributor');
    const added = await upload('contributor', id, 'image/png', PNG);
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ sha256: createHash('sha256').update(PNG).digest('hex'), size: PNG.length, duplicate: false, media_type: 'image/png' });
    expect((await upload('contributor', id, 'image/png', PNG)).json.duplicate).toBe(true);
    expect((await upload('contributor', id, 'application/pdf', PDF)).status).toBe(201);
    expect((await upload('contributor', id, 'image/jpeg', PNG)).status).toBe(415);
    expect((await upload('contributor', id, 'text/html', new TextEncoder().encode('<script>alert(1)</script>'))).status).toBe(415);
    expect((await upload('contributor', id, 'image/png', new TextEncoder().encode('<svg onload=alert(1)>'))).status).toBe(415);
    const shown = await call('viewer', `/api/sources/${id}`);
    expect((shown.json.evidence as { media_type: string }[]).map((e) => e.media_type).sort()).toEqual(['application/pdf', 'image/png', 'image/png']);
  });

  it('refuses an upload over 50 MB with 413 and stores nothing of it', async () => {
    const id = await addSource('contributor');
    const before = readdirSync(store, { recursive: true }).length;
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload('contributor', id, 'image/png', big)).status).toBe(413);
    const declared = await app.request(`/api/sources/${id}/evidence`, { method: 'POST', headers: { ...appHeaders(cookies.contributor), 'content-type': 'image/png', 'content-length': String(60 * 1024 * 1024) }, body: PNG }, fromClient('127.0.0.1'));
    expect(declared.status).toBe(413);
    expect(readdirSync(store, { recursive: true }).length).toBe(before);
    expect((await call('viewer', `/api/sources/${id}`)).json.evidence).toEqual([]);
  });

  it('records a person with one claim from the source, audited; a claim on a draft adds to it', async () => {
    const source = await addSource('contributor');
    const noName = await call('contributor', '/api/persons', { sourceId: source, unit: '12th brigade' });
    expect(noName.status).toBe(400);
    expect(String(noName.json.issues)).toContain('full_name');
    expect((await call('contributor', '/api/persons', { sourceId: source, surname: 'Testov', nickname: 'x' })).status).toBe(400);
    expect((await call('contributor', '/api/persons', { sourceId: 'no-such-source', surname: 'Testov' })).status).toBe(404);
    const created = await call('contributor', '/api/persons', { sourceId: source, surname: 'Testov', given_name: 'Pyotr', birth_date: '1990', region: 'Bashkortostan', death_date: '2024-05-01' });
    expect(created.status).toBe(201);
    const person = created.json.person as string;
    const claimed = await call('contributor', `/api/persons/${person}/claims`, { sourceId: source, unit: '12th brigade', death_date: '2024-05-02' });
    expect(claimed.status).toBe(201);
    const detail = (await call('contributor', `/api/persons/${person}`)).json as { person: { surname: string; unit: string; verification: string }; claims: { source_id: string }[]; facts: { field: string; conflict: boolean }[] };
    expect(detail.person).toMatchObject({ surname: 'Testov', unit: '12th brigade', verification: 'reported' });
    expect(detail.claims.map((c) => c.source_id)).toEqual([source, source]);
    expect(detail.facts.find((f) => f.field === 'death_date')?.conflict).toBe(true);
    const history = (await call('verifier', `/api/persons/${person}/history`)).json.events as { action: string; actor: string }[];
    expect(history.map((e) => [e.action, e.actor])).toEqual([['person.add', 't-contributor'], ['claim.add', 't-contributor']]);
    // The contributor cannot confirm it; someone else's record is invisible to them.
    expect((await call('contributor', `/api/persons/${person}/decision`, { decision: 'confirmed', reason: 'two sources agree' })).status).toBe(403);
    const others = await call('verifier', '/api/persons', { sourceId: source, full_name: 'Ivanov Ivan Ivanovich' });
    expect((await call('contributor', `/api/persons/${others.json.person as string}/claims`, { sourceId: source, unit: 'x' })).status).toBe(404);
  });
});
