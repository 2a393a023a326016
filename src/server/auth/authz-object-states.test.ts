import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { can, type Action } from '../../services/auth/policy.js';
import { addUser } from '../../services/auth/user.service.js';
import { tinyPng } from '../../services/evidence/test-images.js';
import { API_ROUTES } from '../api/route-docs.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from './auth-test-kit.js';
import { addClaimRow, addEvidenceFile, addPersonRow, addSourceRow } from './object-fixtures.js';

// AUTHZ-MATRIX, the object-state dimension: every route that takes an object id × every caller × every
// state its object can be in (a draft of the contributor's own or of another contributor, published, on a
// public or restricted source). Expected statuses are generated, not written out: anon → 401; a role the
// policy (policy.ts) denies the route's action → 403, whatever the object; a signed-in caller the READERS
// table below does not list for that state → 404, exactly like a missing object; otherwise the route's
// success status (or a refusal the table names). A route with an id that is in neither STATE_ROUTES nor
// NOT_STATE_DEPENDENT fails the last test.

type Who = 'anon' | Role;
const WHO: readonly Who[] = ['anon', 'viewer', 'contributor', 'verifier', 'admin'];
const ALL: readonly Role[] = ['viewer', 'contributor', 'verifier', 'admin'];
const CONTRIBUTOR = 't-contributor';
const OTHER = 'other-volunteer';
const VERIFIER = 't-verifier';

interface Fixtures {
  db: TestDb['db'];
  store: string;
  /** The contributor's own public source: any claim body can cite it. */
  citable: string;
  /** A fresh draft of the contributor's for each call (the other side of a merge). */
  secondPerson: string;
  png: Uint8Array;
  /** Stages a small record file through the API as the contributor or as another contributor (browser import). */
  stage(as: 'contributor' | 'other'): Promise<string>;
}

interface State {
  /** Who may see an object in this state (the product rule, docs/accounts.md). */
  readers: readonly Role[];
  make(f: Fixtures): Promise<string>;
}

const person = (verification: 'reported' | 'confirmed', createdBy: string) => (f: Fixtures) => addPersonRow(f.db, { verification, createdBy });
const source = (sensitivity: 'public' | 'restricted', createdBy: string) => (f: Fixtures) => addSourceRow(f.db, { sensitivity, createdBy });
const evidence = (sensitivity: 'public' | 'restricted', sourceBy: string, uploadedBy: string, pdf = false) => async (f: Fixtures) =>
  addEvidenceFile(f.db, f.store, { sourceId: await addSourceRow(f.db, { sensitivity, createdBy: sourceBy }), actor: uploadedBy, bytes: pdf ? new TextEncoder().encode('%PDF-1.7\n% synthetic\n') : f.png });
/** A second claim (so it can be split off) on a person in a state, from a source in a state. */
const claim = (verification: 'reported' | 'confirmed', sensitivity: 'public' | 'restricted') => async (f: Fixtures) => {
  const personId = await addPersonRow(f.db, { verification, createdBy: OTHER });
  return addClaimRow(f.db, { personId, sourceId: await addSourceRow(f.db, { sensitivity, createdBy: OTHER }), createdBy: OTHER, rank: 'synthetic rank' });
};

/** The policy table: object states and who may see each. */
const STATES = {
  person: {
    "draft, the contributor's own": { readers: ALL, make: person('reported', CONTRIBUTOR) },
    "draft, another contributor's": { readers: ['viewer', 'verifier', 'admin'], make: person('reported', OTHER) },
    "draft, another contributor's, known only from a restricted source": {
      readers: ['viewer', 'verifier', 'admin'],
      make: async (f) => addPersonRow(f.db, { verification: 'reported', createdBy: OTHER, claimsFrom: [await addSourceRow(f.db, { sensitivity: 'restricted', createdBy: OTHER })] }),
    },
    "published (confirmed), the contributor's own": { readers: ALL, make: person('confirmed', CONTRIBUTOR) },
    "published (confirmed), another contributor's": { readers: ['viewer', 'verifier', 'admin'], make: person('confirmed', OTHER) },
  },
  source: {
    "public, the contributor's own": { readers: ALL, make: source('public', CONTRIBUTOR) },
    "public, another contributor's": { readers: ['viewer', 'verifier', 'admin'], make: source('public', OTHER) },
    "restricted, the contributor's own": { readers: ['contributor', 'verifier', 'admin'], make: source('restricted', CONTRIBUTOR) },
    "restricted, another contributor's": { readers: ['verifier', 'admin'], make: source('restricted', OTHER) },
  },
  original: {
    "on another contributor's public source": { readers: ['viewer', 'verifier', 'admin'], make: evidence('public', OTHER, OTHER) },
    "on another contributor's restricted source": { readers: ['verifier', 'admin'], make: evidence('restricted', OTHER, OTHER) },
    "on the contributor's restricted source, uploaded by them": { readers: ['contributor', 'verifier', 'admin'], make: evidence('restricted', CONTRIBUTOR, CONTRIBUTOR) },
    "on the contributor's restricted source, uploaded by a verifier": { readers: ['verifier', 'admin'], make: evidence('restricted', CONTRIBUTOR, VERIFIER) },
    "a PDF on another contributor's public source": { readers: ['viewer', 'verifier', 'admin'], make: evidence('public', OTHER, OTHER, true) },
  },
  derivative: {
    "on another contributor's public source": { readers: ['viewer', 'verifier', 'admin'], make: evidence('public', OTHER, OTHER) },
    "on another contributor's restricted source": { readers: ['verifier', 'admin'], make: evidence('restricted', OTHER, OTHER) },
    "on the contributor's restricted source, uploaded by them": { readers: ['contributor', 'verifier', 'admin'], make: evidence('restricted', CONTRIBUTOR, CONTRIBUTOR) },
    "on the contributor's restricted source, uploaded by a verifier": { readers: ['contributor', 'verifier', 'admin'], make: evidence('restricted', CONTRIBUTOR, VERIFIER) },
    "a PDF (no derivative exists)": { readers: [], make: evidence('public', OTHER, OTHER, true) },
  },
  stagedImport: {
    "staged by the contributor": { readers: ['contributor', 'verifier', 'admin'], make: (f) => f.stage('contributor') },
    "staged by another contributor": { readers: ['verifier', 'admin'], make: (f) => f.stage('other') },
  },
  claim: {
    "on another contributor's draft, from a public source": { readers: ['viewer', 'verifier', 'admin'], make: claim('reported', 'public') },
    "on another contributor's draft, from a restricted source": { readers: ['viewer', 'verifier', 'admin'], make: claim('reported', 'restricted') },
    'on a published (confirmed) person': { readers: ['viewer', 'verifier', 'admin'], make: claim('confirmed', 'public') },
  },
} satisfies Record<string, Record<string, State>>;
type Kind = keyof typeof STATES;

interface StateRoute {
  kind: Kind;
  /** The action the route needs (policy.ts); roles without it get 403 whatever the object. */
  action: Action;
  ok: number;
  /** A fresh object per call (the route changes it). */
  fresh?: boolean;
  request(id: string, f: Fixtures): { path: string; method?: 'POST'; body?: Uint8Array | string; type?: string };
  /** Refusals for visible objects: state → role → status. */
  refused?: Record<string, Partial<Record<Role, number>>>;
}

const json = (path: string, body: unknown) => ({ path, method: 'POST' as const, body: JSON.stringify(body) });

const STATE_ROUTES: Record<string, StateRoute> = {
  'GET /api/persons/:id': { kind: 'person', action: 'person.read', ok: 200, request: (id) => ({ path: `/api/persons/${id}` }) },
  'GET /api/persons/:id/history': { kind: 'person', action: 'person.read', ok: 200, request: (id) => ({ path: `/api/persons/${id}/history` }) },
  'POST /api/persons/:id/claims': {
    kind: 'person',
    action: 'intake.write',
    ok: 201,
    fresh: true,
    request: (id, f) => json(`/api/persons/${id}/claims`, { sourceId: f.citable, unit: 'synthetic unit' }),
    refused: { "published (confirmed), the contributor's own": { contributor: 403 } },
  },
  'POST /api/persons/:id/decision': { kind: 'person', action: 'person.decide', ok: 200, fresh: true, request: (id) => json(`/api/persons/${id}/decision`, { decision: 'disputed', reason: 'the synthetic source names another unit' }) },
  'POST /api/persons/:id/merge': {
    kind: 'person',
    action: 'person.merge',
    ok: 200,
    fresh: true,
    // Into a fresh draft of the contributor's, which anyone allowed to merge may see.
    request: (id, f) => json(`/api/persons/${id}/merge`, { into: f.secondPerson, reason: 'same synthetic person' }),
  },
  'GET /api/sources/:id': { kind: 'source', action: 'source.read', ok: 200, request: (id) => ({ path: `/api/sources/${id}` }) },
  'POST /api/sources/:id/evidence': { kind: 'source', action: 'intake.write', ok: 201, request: (id, f) => ({ path: `/api/sources/${id}/evidence`, method: 'POST', body: f.png, type: 'image/png' }) },
  'GET /api/evidence/:id/original': { kind: 'original', action: 'source.read', ok: 200, request: (id) => ({ path: `/api/evidence/${id}/original` }) },
  'GET /api/evidence/:id/derivative': { kind: 'derivative', action: 'source.read', ok: 200, request: (id) => ({ path: `/api/evidence/${id}/derivative` }) },
  'POST /api/persons/:id/edit': {
    kind: 'person',
    action: 'person.edit',
    ok: 200,
    fresh: true,
    request: (id) => json(`/api/persons/${id}/edit`, { field: 'unit', value: 'synthetic corrected unit', reason: 'the synthetic source gives the unit', version: 1 }),
    // Edits of confirmed persons wait for a second reviewer (202); contributors edit only unconfirmed drafts.
    refused: {
      "published (confirmed), the contributor's own": { contributor: 403, verifier: 202, admin: 202 },
      "published (confirmed), another contributor's": { verifier: 202, admin: 202 },
    },
  },
  'GET /api/imports/:id': { kind: 'stagedImport', action: 'import.stage', ok: 200, request: (id) => ({ path: `/api/imports/${id}` }) },
  'GET /api/imports/:id/rows': { kind: 'stagedImport', action: 'import.stage', ok: 200, request: (id) => ({ path: `/api/imports/${id}/rows` }) },
  'POST /api/imports/:id/preview': { kind: 'stagedImport', action: 'import.stage', ok: 200, request: (id) => json(`/api/imports/${id}/preview`, {}) },
  'POST /api/imports/:id/rows/:row': { kind: 'stagedImport', action: 'import.stage', ok: 200, fresh: true, request: (id) => json(`/api/imports/${id}/rows/2`, { exclude: true, reason: 'a synthetic duplicate row' }) },
  'POST /api/imports/:id/commit': { kind: 'stagedImport', action: 'import.stage', ok: 200, fresh: true, request: (id) => json(`/api/imports/${id}/commit`, {}) },
  'POST /api/imports/:id/discard': { kind: 'stagedImport', action: 'import.stage', ok: 200, fresh: true, request: (id) => json(`/api/imports/${id}/discard`, { reason: 'uploaded by mistake (synthetic)' }) },
  'POST /api/claims/:id/split': { kind: 'claim', action: 'person.merge', ok: 200, fresh: true, request: (id) => json(`/api/claims/${id}/split`, { reason: 'a different synthetic person' }) },
};

/** Routes with an id whose answers do not depend on draft/published/restricted, and why. */
const NOT_STATE_DEPENDENT: Record<string, string> = {
  'POST /api/persons/:id/unmerge': 'needs a merged person; verifiers and admins see every person, others are refused by role (route × role matrix, merge tests)',
  'GET /api/queues/duplicates/:pairId': 'duplicate pairs are neither drafts nor restricted: every queue reader sees every pair',
  'POST /api/queues/duplicates/:pairId/decision': 'as above; deciding is by role only',
  'POST /api/users/:username/role': 'accounts, admins only: no object states',
  'POST /api/users/:username/disable': 'accounts, admins only: no object states',
  'POST /api/users/:username/revert-edits': 'accounts, admins only: no object states',
  'POST /api/persons/:id/revert': 'verifiers and admins only, who see every person; refusals depend on the event reverted, not the person (edits tests)',
  'POST /api/edits/:id/approve': 'pending edits exist only for confirmed persons; verifiers and admins only, who see every person (edits tests: not the proposer)',
  'POST /api/edits/:id/decline': 'as approve',
};

function expected(route: StateRoute, state: string, readers: readonly Role[], who: Who): number {
  if (who === 'anon') return 401;
  if (!can(who, route.action)) return 403;
  if (!readers.includes(who)) return 404;
  return route.refused?.[state]?.[who] ?? route.ok;
}

for (const dialect of await testDialects()) {
  describe(`authorisation matrix: route × role × object state (${dialect})`, () => {
    let t: TestDb;
    let f: Fixtures;
    const cookies: Partial<Record<Who, string>> = {};
    const clock = testClock();
    const store = mkdtempSync(join(tmpdir(), 'reckon-states-evidence-'));
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      t = await createTestDb(dialect);
      app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT }, evidenceStore: store });
      const accounts = await addTestAccounts(t.db);
      for (const role of ALL) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
      const other = { username: OTHER, password: 'another synthetic passphrase', totpSecret: null };
      await addUser(t.db, { ...other, role: 'contributor', actor: 'test', scrypt: TEST_SCRYPT });
      const otherCookie = (await logIn(app, clock, other)).cookie ?? '';
      const stage = async (as: 'contributor' | 'other'): Promise<string> => {
        const headers = { ...appHeaders(as === 'other' ? otherCookie : cookies.contributor), 'content-type': 'text/csv' };
        const res = await app.request('/api/imports?name=synthetic.csv', { method: 'POST', headers, body: 'surname,given_name,death_date\nТестов,Пример,2024-03-12\nТестов,Пример,2024-03-12\n' }, fromClient('127.0.0.1'));
        if (res.status !== 201) throw new Error(`staging a file answered ${res.status}: ${await res.text()}`);
        return ((await res.json()) as { id: string }).id;
      };
      f = { db: t.db, store, citable: await addSourceRow(t.db, { sensitivity: 'public', createdBy: CONTRIBUTOR }), secondPerson: '', png: new Uint8Array(await tinyPng()), stage };
    });
    afterAll(async () => {
      await t.dispose();
      rmSync(store, { recursive: true, force: true });
    });

    for (const [route, r] of Object.entries(STATE_ROUTES)) {
      for (const [state, s] of Object.entries(STATES[r.kind] as Record<string, State>)) {
        const want = Object.fromEntries(WHO.map((w) => [w, expected(r, state, s.readers, w)]));
        it(`${route} on ${r.kind}: ${state} → ${WHO.map((w) => `${w} ${want[w]}`).join(', ')}`, async () => {
          const shared = r.fresh === true ? null : await s.make(f);
          const got: Record<string, number> = {};
          for (const who of WHO) {
            const id = shared ?? (await s.make(f));
            const req = r.request(id, { ...f, secondPerson: r.fresh === true ? await addPersonRow(f.db, { verification: 'reported', createdBy: CONTRIBUTOR }) : '' });
            const headers = { ...appHeaders(cookies[who]), ...(req.type === undefined ? {} : { 'content-type': req.type }) };
            const res = await app.request(req.path, { method: req.method ?? 'GET', headers, ...(req.body === undefined ? {} : { body: req.body }) }, fromClient('127.0.0.1'));
            got[who] = res.status;
            await res.arrayBuffer();
          }
          expect(got).toEqual(want);
        });
      }
    }

    it('covers every route that takes an object id (CI fails on one missing here)', () => {
      const registered = new Set(app.routes.filter((x) => x.method !== 'ALL').map((x) => `${x.method} ${x.path}`));
      const withId = new Set([...API_ROUTES.map((d) => `${d.method} ${d.path}`), ...registered].filter((k) => k.includes('/:')));
      const known = (k: string): boolean => k in STATE_ROUTES || k in NOT_STATE_DEPENDENT;
      expect([...withId].filter((k) => !known(k)), 'routes with an id missing from the object-state matrix').toEqual([]);
      expect([...Object.keys(STATE_ROUTES), ...Object.keys(NOT_STATE_DEPENDENT)].filter((k) => !registered.has(k)), 'rows for routes that no longer exist').toEqual([]);
    });
  });
}
