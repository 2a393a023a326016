import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegister } from '../../core/synth/generate.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { importRecords } from '../../services/import/import.service.js';
import { linkRegister } from '../../services/review/link-register.service.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';

// The analysts' API over HTTP, as the web app calls it: queues, pair decisions, merge/unmerge/split, history.
const { records } = generateRegister({ persons: 60, seed: 'api-test', homonymShare: 0.1 });

interface Pair { pair: string; probability: number; a: { id: string }; b: { id: string } }

describe.each(await testDialects())('the analysts’ API on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const cookies: Partial<Record<Role, string>> = {};
  const clock = testClock();
  const call = async (who: Role, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const init: RequestInit = body === undefined ? { headers: appHeaders(cookies[who]) } : { method: 'POST', headers: appHeaders(cookies[who]), body: typeof body === 'string' ? body : JSON.stringify(body) };
    const res = await app.request(path, init, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const accounts = await addTestAccounts(t.db);
    for (const role of ['viewer', 'verifier'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
    await importRecords(t.db, records.map((record, i) => ({ row: i + 2, record })), { actor: 'anna', fileName: 'synthetic.csv', fileSha256: 'b'.repeat(64), format: 'csv' });
    await linkRegister(t.db, { actor: 'editor' });
  });
  afterAll(async () => t.dispose());

  it('lists the verification backlog oldest first and filters it by region', async () => {
    const ids = (await t.db.kysely.selectFrom('persons').select('id').orderBy('id').execute()).map((r) => r.id);
    const [older, oldest] = [ids[5]!, ids[9]!];
    await t.db.kysely.updateTable('persons').set({ created_at: '2020-01-02T00:00:00.000Z' }).where('id', '=', older).execute();
    await t.db.kysely.updateTable('persons').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', oldest).execute();
    const all = await call('viewer', '/api/queues/backlog?limit=1000');
    expect(all.status).toBe(200);
    const listed = (all.json.persons as { id: string }[]).map((p) => p.id);
    expect(listed.slice(0, 2)).toEqual([oldest, older]);
    const region = (await t.db.kysely.selectFrom('persons').select('region_code').where('id', '=', oldest).executeTakeFirstOrThrow()).region_code;
    const filtered = (await call('viewer', `/api/queues/backlog?limit=1000&region=${encodeURIComponent(region)}`)).json.persons as { id: string }[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(listed.length);
    const regions = await t.db.kysely.selectFrom('persons').select('region_code').where('id', 'in', filtered.map((p) => p.id)).execute();
    expect(new Set(regions.map((r) => r.region_code))).toEqual(new Set([region]));
    const kinds = await t.db.kysely.selectFrom('sources').select('kind').groupBy('kind').orderBy('kind').execute();
    const kind = kinds[0]!.kind;
    const byKind = (await call('viewer', `/api/queues/backlog?limit=1000&sourceKind=${kind}`)).json.persons as { id: string }[];
    expect(byKind.length).toBeGreaterThan(0);
    for (const p of byKind) {
      const hit = await t.db.kysely.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id').select('claims.id').where('claims.person_id', '=', p.id).where('sources.kind', '=', kind).executeTakeFirst();
      expect(hit, p.id).toBeDefined();
    }
    const someCategory = (all.json.persons as { category: string }[]).find((p) => p.category !== 'unknown')?.category ?? 'unknown';
    const category = (await call('viewer', `/api/queues/backlog?limit=1000&category=${someCategory}`)).json.persons as { category: string }[];
    expect(category.length).toBeGreaterThan(0);
    expect(new Set(category.map((p) => p.category))).toEqual(new Set([someCategory]));
  });

  it('refuses bad queries and bodies with a 400 naming the field, unknown keys included', async () => {
    const limit = await call('viewer', '/api/queues/backlog?limit=0');
    expect(limit.status).toBe(400);
    expect(String(limit.json.issues)).toContain('limit');
    const extra = await call('verifier', '/api/queues/duplicates/x/decision', { decision: 'same', verdict: 'yes' });
    expect(extra.status).toBe(400);
    expect(String(extra.json.issues)).toContain('verdict');
    const wrong = await call('verifier', '/api/persons/x/merge', { into: 'y' });
    expect(wrong.status).toBe(400);
    expect(String(wrong.json.issues)).toContain('reason');
    const proto = await call('verifier', '/api/persons/x/unmerge', '{"reason":"namesakes","__proto__":{"polluted":true}}');
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await call('verifier', '/api/claims/x/split', 'not json')).status).toBe(400);
  });

  it('shows duplicate pairs likeliest first, each with both persons and the waterfall', async () => {
    const queue = await call('viewer', '/api/queues/duplicates?limit=100');
    const pairs = queue.json.pairs as Pair[];
    expect(pairs.length).toBeGreaterThan(5);
    expect(pairs.map((p) => p.probability)).toEqual([...pairs.map((p) => p.probability)].sort((a, b) => b - a));
    const shown = await call('viewer', `/api/queues/duplicates/${pairs[0]!.pair}`);
    expect(shown.status).toBe(200);
    const explanation = shown.json.explanation as { probability: number; terms: unknown[] };
    expect(explanation.terms.length).toBeGreaterThan(0);
    expect(explanation.probability).toBeCloseTo(pairs[0]!.probability, 6);
    expect([(shown.json.a as { id: string }).id, (shown.json.b as { id: string }).id]).toEqual([pairs[0]!.a.id, pairs[0]!.b.id]);
  });

  it('"same" merges over HTTP; the history shows it; unmerge undoes it; a decided pair is not decided twice', async () => {
    const [first, second] = (await call('viewer', '/api/queues/duplicates?limit=2')).json.pairs as Pair[];
    expect((await call('viewer', `/api/queues/duplicates/${first!.pair}/decision`, { decision: 'same' })).status).toBe(403);
    const decided = await call('verifier', `/api/queues/duplicates/${first!.pair}/decision`, { decision: 'same', reason: 'same birth date and unit' });
    expect(decided.status).toBe(200);
    const kept = decided.json.kept as string;
    const merged = kept === first!.a.id ? first!.b.id : first!.a.id;
    expect((await call('verifier', `/api/queues/duplicates/${first!.pair}/decision`, { decision: 'different' })).status).toBe(409);
    const history = (await call('viewer', `/api/persons/${kept}/history`)).json.events as { action: string; actor: string }[];
    expect(history.find((e) => e.action === 'person.merge')?.actor).toBe('t-verifier');
    expect((await call('verifier', `/api/persons/${merged}/unmerge`, { reason: 'namesakes after all' })).json).toEqual({ restored: merged, from: kept });
    expect((await call('verifier', `/api/persons/${merged}/unmerge`, { reason: 'namesakes after all' })).status).toBe(409);
    expect((await call('viewer', `/api/persons/${kept}/history`)).json.events).toContainEqual(expect.objectContaining({ action: 'person.unmerge' }));

    const unsure = await call('verifier', `/api/queues/duplicates/${second!.pair}/decision`, { decision: 'unsure' });
    expect(unsure.json).toEqual({ pair: second!.pair, decision: 'unsure' });
    const pending = (await call('viewer', '/api/queues/duplicates?limit=500')).json.pairs as Pair[];
    expect(pending.map((p) => p.pair)).not.toContain(second!.pair);
    const withUnsure = (await call('viewer', '/api/queues/duplicates?limit=500&includeUnsure=true')).json.pairs as Pair[];
    expect(withUnsure.map((p) => p.pair)).toContain(second!.pair);
  });

  it('merges two persons by hand, splits a claim back off, and refuses merging a person into itself', async () => {
    const [a, b] = (await t.db.kysely.selectFrom('persons').select('id').where('merged_into', 'is', null).orderBy('id', 'desc').limit(2).execute()).map((r) => r.id);
    expect((await call('verifier', `/api/persons/${a!}/merge`, { into: a!, reason: 'self' })).status).toBe(409);
    const merged = await call('verifier', `/api/persons/${a!}/merge`, { into: b!, reason: 'same person, two spellings' });
    expect(merged.status).toBe(200);
    const kept = merged.json.kept as string;
    const gone = merged.json.merged as string;
    const claim = (await t.db.kysely.selectFrom('claims').select('id').where('person_id', '=', gone).executeTakeFirstOrThrow()).id;
    const split = await call('verifier', `/api/claims/${claim}/split`, { reason: 'the claim names another man' });
    expect(split.status).toBe(200);
    // The claim was all the merged person brought: splitting it off stands that person alone again.
    expect(split.json).toEqual({ person: gone, from: kept });
    const detail = (await call('viewer', `/api/persons/${kept}`)).json as { claims: { id: string }[] };
    expect(detail.claims.map((c) => c.id)).not.toContain(claim);
  });
});
