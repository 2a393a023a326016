import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSources } from '../../db/repositories/claim.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { loadDemo } from '../../services/demo/demo.service.js';
import { addUser } from '../../services/auth/user.service.js';
import { tinyPng } from '../../services/evidence/test-images.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock, type TestAccount } from './auth-test-kit.js';
import { addEditImportFixtures, EDIT_IMPORT_MATRIX, type EditImportIds } from './authz-matrix.edits-imports.js';

// AUTHZ-MATRIX: every route the app registers × every kind of caller, with the status each must get.
// A route added to the app without a row here fails the first test: decide who may call it, then add it.

type Who = 'anon' | Role;
const WHO: readonly Who[] = ['anon', 'viewer', 'contributor', 'verifier', 'admin'];

interface Ctx {
  /** A fresh session cookie for this caller (undefined for anon). */
  session(who: Who): Promise<string | undefined>;
  /** A person entered by someone else; one reported person per caller for decisions. */
  othersPerson: string;
  ownPerson: string;
  decisionTarget: Record<Who, string>;
  /** Sources: public by someone else, restricted by someone else, restricted by the contributor. */
  publicSource: string;
  restrictedSource: string;
  ownSource: string;
  /** Drafts, a confirmed record and staged uploads for the edit, revert and import routes. */
  editsImports: EditImportIds;
}

interface Case {
  name: string;
  request(ctx: Ctx, who: Who): Promise<{ url: string; init?: RequestInit; client?: string }>;
  expect: Record<Who, number>;
}

const all = (status: number): Record<Who, number> => ({ anon: status, viewer: status, contributor: status, verifier: status, admin: status });
const signedIn = (status: number): Record<Who, number> => ({ anon: 401, viewer: status, contributor: status, verifier: status, admin: status });
const get = (url: string) => (ctx: Ctx, who: Who) => ctx.session(who).then((cookie) => ({ url, init: { headers: appHeaders(cookie) } }));
const post = (url: (ctx: Ctx, who: Who) => string, body: unknown, client?: string) => (ctx: Ctx, who: Who) =>
  ctx.session(who).then((cookie) => ({ url: url(ctx, who), init: { method: 'POST', headers: appHeaders(cookie), body: JSON.stringify(body) }, ...(client === undefined ? {} : { client }) }));

/** A real 1×1 PNG (uploaded images must decode: they are re-encoded into a metadata-free derivative). */
const TINY_PNG = new Uint8Array(await tinyPng());
/** The contributor's own (restricted) source, inserted with this id before the cases run. */
const MATRIX_OWN_SOURCE = 'matrix-own-source';

/** Middleware entries (app.use): each must be known too. */
const MIDDLEWARE = new Set(['ALL /*', 'ALL /api/*', 'ALL /register', 'ALL /api/users/*']);

const MATRIX: Record<string, Case[]> = {
  'GET /api/health': [{ name: 'health', request: get('/api/health'), expect: all(200) }],
  'POST /api/auth/login': [{ name: 'wrong credentials', request: post(() => '/api/auth/login', { username: 'nobody', password: 'not a password' }, 'matrix-login'), expect: all(401) }],
  'POST /api/auth/logout': [{ name: 'logout', request: post(() => '/api/auth/logout', {}), expect: signedIn(200) }],
  'GET /api/auth/me': [{ name: 'me', request: get('/api/auth/me'), expect: signedIn(200) }],
  'GET /api/persons': [{ name: 'list', request: get('/api/persons?limit=5'), expect: signedIn(200) }],
  'GET /api/persons/:id': [
    { name: "someone else's record", request: (ctx, who) => get(`/api/persons/${ctx.othersPerson}`)(ctx, who), expect: { anon: 401, viewer: 200, contributor: 404, verifier: 200, admin: 200 } },
    { name: "the contributor's own record", request: (ctx, who) => get(`/api/persons/${ctx.ownPerson}`)(ctx, who), expect: signedIn(200) },
    { name: 'a missing record', request: get('/api/persons/no-such-id'), expect: signedIn(404) },
  ],
  'POST /api/persons/:id/decision': [
    {
      name: 'dispute a reported death',
      request: post((ctx, who) => `/api/persons/${ctx.decisionTarget[who]}/decision`, { decision: 'disputed', reason: 'the source names another unit' }),
      expect: { anon: 401, viewer: 403, contributor: 403, verifier: 200, admin: 200 },
    },
  ],
  'GET /api/users': [{ name: 'list accounts', request: get('/api/users'), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 403, admin: 200 } }],
  'POST /api/users': [
    {
      name: 'add an account',
      request: post(() => '/api/users', { username: 'new-viewer', role: 'viewer', password: 'a brand new passphrase' }),
      expect: { anon: 401, viewer: 403, contributor: 403, verifier: 403, admin: 201 },
    },
  ],
  'POST /api/users/:username/role': [
    { name: "change someone's role", request: post(() => '/api/users/target-role/role', { role: 'contributor' }), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 403, admin: 200 } },
  ],
  'POST /api/users/:username/disable': [
    { name: 'disable someone', request: post(() => '/api/users/target-disable/disable', {}), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 403, admin: 200 } },
    { name: 'disable oneself', request: post(() => '/api/users/t-admin/disable', {}), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 403, admin: 400 } },
  ],
  'GET /api/candidates': [{ name: 'lookup', request: get('/api/candidates?surname=Ivanov&limit=3'), expect: signedIn(200) }],
  'GET /api/persons/:id/history': [
    { name: "someone else's record", request: (ctx, who) => get(`/api/persons/${ctx.othersPerson}/history`)(ctx, who), expect: { anon: 401, viewer: 200, contributor: 404, verifier: 200, admin: 200 } },
    { name: "the contributor's own record", request: (ctx, who) => get(`/api/persons/${ctx.ownPerson}/history`)(ctx, who), expect: signedIn(200) },
  ],
  'POST /api/persons/:id/merge': [
    { name: 'merge into a missing person', request: post((ctx) => `/api/persons/${ctx.othersPerson}/merge`, { into: 'no-such-id', reason: 'same unit and date' }), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 404, admin: 404 } },
  ],
  'POST /api/persons/:id/unmerge': [
    { name: 'unmerge a person never merged', request: post((ctx) => `/api/persons/${ctx.othersPerson}/unmerge`, { reason: 'namesakes after all' }), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 409, admin: 409 } },
  ],
  'POST /api/claims/:id/split': [
    { name: 'split a missing claim', request: post(() => '/api/claims/no-such-claim/split', { reason: 'another person' }), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 404, admin: 404 } },
  ],
  'GET /api/queues/backlog': [{ name: 'verification backlog', request: get('/api/queues/backlog?limit=5'), expect: { anon: 401, viewer: 200, contributor: 403, verifier: 200, admin: 200 } }],
  'GET /api/queues/duplicates': [{ name: 'duplicate queue', request: get('/api/queues/duplicates?limit=5'), expect: { anon: 401, viewer: 200, contributor: 403, verifier: 200, admin: 200 } }],
  'GET /api/queues/duplicates/:pairId': [{ name: 'a missing pair', request: get('/api/queues/duplicates/no-such-pair'), expect: { anon: 401, viewer: 404, contributor: 403, verifier: 404, admin: 404 } }],
  'POST /api/queues/duplicates/:pairId/decision': [
    { name: 'decide a missing pair', request: post(() => '/api/queues/duplicates/no-such-pair/decision', { decision: 'unsure' }), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 404, admin: 404 } },
  ],
  'GET /api/openapi.json': [{ name: 'API description', request: get('/api/openapi.json'), expect: signedIn(200) }],
  // Evidence downloads by object state (public, restricted, own, uploaded by whom): authz-object-states.test.ts.
  'GET /api/evidence/:id/original': [{ name: 'a missing evidence file', request: get('/api/evidence/no-such-file/original'), expect: signedIn(404) }],
  'GET /api/evidence/:id/derivative': [{ name: 'a missing evidence file', request: get('/api/evidence/no-such-file/derivative'), expect: signedIn(404) }],
  'GET /api/export': [
    { name: 'export the register (contributors: their own records)', request: get('/api/export?what=records&format=csv'), expect: signedIn(200) },
    { name: "export with restricted sources' fields", request: get('/api/export?format=json&includeRestricted=true'), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 200, admin: 200 } },
  ],
  'POST /api/sources': [
    { name: 'add a source', request: post(() => '/api/sources', { kind: 'obituary', url: 'https://example.org/obituary/1' }), expect: { anon: 401, viewer: 403, contributor: 201, verifier: 201, admin: 201 } },
  ],
  'GET /api/sources/:id': [
    { name: "someone else's public source", request: (ctx, who) => get(`/api/sources/${ctx.publicSource}`)(ctx, who), expect: { anon: 401, viewer: 200, contributor: 404, verifier: 200, admin: 200 } },
    { name: "someone else's restricted source", request: (ctx, who) => get(`/api/sources/${ctx.restrictedSource}`)(ctx, who), expect: { anon: 401, viewer: 404, contributor: 404, verifier: 200, admin: 200 } },
    { name: "the contributor's own restricted source", request: (ctx, who) => get(`/api/sources/${ctx.ownSource}`)(ctx, who), expect: { anon: 401, viewer: 404, contributor: 200, verifier: 200, admin: 200 } },
  ],
  'POST /api/sources/:id/evidence': [
    {
      name: "a screenshot for someone else's public source",
      request: async (ctx, who) => ({ url: `/api/sources/${ctx.publicSource}/evidence`, init: { method: 'POST', headers: { ...appHeaders(await ctx.session(who)), 'content-type': 'image/png' }, body: TINY_PNG } }),
      expect: { anon: 401, viewer: 403, contributor: 404, verifier: 201, admin: 201 },
    },
    {
      name: "a screenshot for the contributor's own source",
      request: async (ctx, who) => ({ url: `/api/sources/${ctx.ownSource}/evidence`, init: { method: 'POST', headers: { ...appHeaders(await ctx.session(who)), 'content-type': 'image/png' }, body: TINY_PNG } }),
      expect: { anon: 401, viewer: 403, contributor: 201, verifier: 201, admin: 201 },
    },
  ],
  'POST /api/persons': [
    { name: "record a person from the contributor's source", request: post(() => '/api/persons', { sourceId: MATRIX_OWN_SOURCE, surname: 'Testov', given_name: 'Ivan' }), expect: { anon: 401, viewer: 403, contributor: 201, verifier: 201, admin: 201 } },
  ],
  'POST /api/persons/:id/claims': [
    { name: "a claim on someone else's record", request: post((ctx) => `/api/persons/${ctx.othersPerson}/claims`, { sourceId: MATRIX_OWN_SOURCE, unit: '1st battalion' }), expect: { anon: 401, viewer: 403, contributor: 404, verifier: 201, admin: 201 } },
    { name: "a claim on the contributor's own draft", request: post((ctx) => `/api/persons/${ctx.ownPerson}/claims`, { sourceId: MATRIX_OWN_SOURCE, unit: '1st battalion' }), expect: { anon: 401, viewer: 403, contributor: 201, verifier: 201, admin: 201 } },
  ],
  // The workspace app's page is public (it asks the API who is signed in); a fake build stands in for src/web/dist.
  'GET /app': [{ name: 'workspace app (to /app/)', request: get('/app'), expect: all(301) }],
  'GET /app/*': [{ name: 'workspace app page', request: get('/app/persons'), expect: all(200) }],
  // Field edits with revert, and browser imports: authz-matrix.edits-imports.ts.
  ...EDIT_IMPORT_MATRIX,
  'GET /login': [{ name: 'sign-in page', request: get('/login'), expect: all(200) }],
  'GET /login.js': [{ name: 'sign-in script', request: get('/login.js'), expect: all(200) }],
  'GET /register': [{ name: 'register page (anonymous browsers go to /login)', request: get('/register'), expect: { ...signedIn(200), anon: 302 } }],
  // The public tally stays public; with no release yet everyone gets the "nothing published yet" page.
  'GET /*': [{ name: 'public tally', request: get('/en/index.html'), expect: all(200) }],
};

for (const dialect of await testDialects()) {
  describe(`authorisation matrix: every route × role (${dialect})`, () => {
    let t: TestDb;
    let accounts: Record<Role, TestAccount>;
    let ctx: Ctx;
    const clock = testClock();
    const evidenceStore = mkdtempSync(join(tmpdir(), 'reckon-matrix-evidence-'));
    const webDist = mkdtempSync(join(tmpdir(), 'reckon-matrix-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    const app = (): ReturnType<typeof createApp> => createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT }, evidenceStore, webDist });
    beforeAll(async () => {
      t = await createTestDb(dialect);
      accounts = await addTestAccounts(t.db);
      for (const username of ['target-role', 'target-disable']) {
        await addUser(t.db, { username, role: 'viewer', password: 'a target passphrase', actor: 'test', scrypt: TEST_SCRYPT });
      }
      await loadDemo(t.db, { persons: 30, seed: 'matrix' });
      const reported = await t.db.kysely.selectFrom('persons').select('id').where('verification', '=', 'reported').where('merged_into', 'is', null).orderBy('id').execute();
      const ids = reported.map((r) => r.id);
      const [own, others, ...rest] = ids;
      if (own === undefined || others === undefined || rest.length < WHO.length) throw new Error('demo register too small');
      await t.db.kysely.updateTable('persons').set({ created_by: accounts.contributor.username }).where('id', '=', own).execute();
      const source = (id: string, sensitivity: string, createdBy: string) => ({ id, kind: 'obituary', kind_text: null, list: null, url: 'https://example.org/x', publisher: null, author: null, language: null, published_at: null, captured_at: null, excerpt: null, reliability: null, sensitivity, import_id: null, created_by: createdBy, created_at: '2026-12-01T00:00:00.000Z' });
      await insertSources(t.db.kysely, [source('matrix-public-source', 'public', 'someone'), source('matrix-restricted-source', 'restricted', 'someone'), source(MATRIX_OWN_SOURCE, 'restricted', accounts.contributor.username)]);
      const a = app();
      ctx = {
        publicSource: 'matrix-public-source',
        restrictedSource: 'matrix-restricted-source',
        ownSource: MATRIX_OWN_SOURCE,
        session: async (who) => (who === 'anon' ? undefined : (await logIn(a, clock, accounts[who])).cookie),
        othersPerson: others,
        ownPerson: own,
        decisionTarget: Object.fromEntries(WHO.map((w, i) => [w, rest[i] ?? ''])) as Record<Who, string>,
        editsImports: await addEditImportFixtures(t.db, { viewer: accounts.viewer.username, contributor: accounts.contributor.username, verifier: accounts.verifier.username, admin: accounts.admin.username }),
      };
    });
    afterAll(async () => {
      await t.dispose();
      rmSync(evidenceStore, { recursive: true, force: true });
      rmSync(webDist, { recursive: true, force: true });
    });

    it('has a row for every route the app registers', () => {
      const keys = new Set(app().routes.map((r) => `${r.method} ${r.path}`));
      const missing = [...keys].filter((k) => !(k in MATRIX) && !MIDDLEWARE.has(k));
      expect(missing, 'routes missing from the authorisation matrix').toEqual([]);
      expect(Object.keys(MATRIX).filter((k) => !keys.has(k)), 'matrix rows for routes that no longer exist').toEqual([]);
    });

    for (const [route, cases] of Object.entries(MATRIX)) {
      for (const c of cases) {
        it(`${route} (${c.name}) answers ${WHO.map((w) => `${w} ${c.expect[w]}`).join(', ')}`, async () => {
          const a = app();
          const got: Record<string, number> = {};
          for (const who of WHO) {
            const r = await c.request(ctx, who);
            const res = await a.request(r.url, r.init ?? {}, fromClient(r.client ?? '127.0.0.1'));
            got[who] = res.status;
          }
          expect(got).toEqual(c.expect);
        });
      }
    }

    it('lets no spelling of a private path past the session check', async () => {
      const a = app();
      const variants = ['/api/persons/', '//api/persons', '/api/%70ersons', '/api/persons;x', '/register/', '/Register', '/%72egister', '/api/./persons', '/x/../api/persons', '/api/health/../persons', '/api/auth/login/../../persons', `/api/persons/${ctx.othersPerson}/`];
      for (const path of variants) {
        const res = await a.request(path);
        expect([401, 302, 404], path).toContain(res.status);
      }
    });

    it('shows a contributor only their own records, and the others everything', async () => {
      const a = app();
      const list = async (who: Role): Promise<string[]> => {
        const res = await a.request('/api/persons?limit=1000', { headers: appHeaders(await ctx.session(who)) });
        return ((await res.json()) as { persons: { id: string }[] }).persons.map((p) => p.id);
      };
      // Their own: the record marked theirs, and any they recorded through POST /api/persons above.
      const own = await list('contributor');
      expect(own).toContain(ctx.ownPerson);
      expect(own).not.toContain(ctx.othersPerson);
      const creators = await t.db.kysely.selectFrom('persons').select('created_by').where('id', 'in', own).execute();
      expect(new Set(creators.map((r) => r.created_by))).toEqual(new Set([accounts.contributor.username]));
      expect((await list('viewer')).length).toBeGreaterThan(10);
    });
  });
}
