import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';
import { openApiPath } from './openapi.js';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; additionalProperties?: unknown } }> }; parameters: { name: string; in: string }[] }>>;
}

describe('GET /api/openapi.json', () => {
  let t: TestDb;
  let doc: Doc;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    const clock = testClock();
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const { cookie } = await logIn(app, clock, (await addTestAccounts(t.db)).viewer);
    const res = await app.request('/api/openapi.json', { headers: appHeaders(cookie) });
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(async () => t.dispose());

  it('is OpenAPI 3.1 and lists every route the app registers under /api, and no other', () => {
    expect(doc.openapi).toBe('3.1.0');
    const registered = new Set(app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${openApiPath(r.path)}`));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect([...registered].filter((k) => !documented.has(k)), 'routes missing from the OpenAPI document').toEqual([]);
    expect([...documented].filter((k) => !registered.has(k)), 'documented routes the app does not have').toEqual([]);
  });

  it('carries request schemas generated from the zod schemas, strict objects closed to unknown keys', () => {
    const decision = doc.paths['/api/queues/duplicates/{pairId}/decision']?.post;
    const schema = decision?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(['decision', 'reason']);
    expect(schema?.additionalProperties).toBe(false);
    expect(decision?.parameters).toContainEqual(expect.objectContaining({ name: 'pairId', in: 'path' }));
    const backlog = doc.paths['/api/queues/backlog']?.get;
    expect(backlog?.parameters.map((p) => p.name)).toEqual(['region', 'category', 'sourceKind', 'limit', 'offset']);
  });
});
