import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { can } from '../../services/auth/policy.js';
import { loadDemo } from '../../services/demo/demo.service.js';
import { jpegWithGps } from '../../services/evidence/test-images.js';
import { linkRegister } from '../../services/review/link-register.service.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';
import { addClaimRow, addEvidenceFile, addPersonRow, addSourceRow } from '../auth/object-fixtures.js';
import { API_ROUTES } from './route-docs.js';

// AUTHZ-FIELD: canary data in every restricted field, then a crawl of EVERY GET route of the API (from
// API_ROUTES, path parameters filled with the canary objects' ids) and the register page as each caller.
// Roles without source.read.restricted must receive no canary, in bodies, headers or the request log; the
// source author field reaches nobody. Verifiers must see the restricted ones (else the crawl proves nothing).

const load = createRequire(import.meta.url);
const excel = (): typeof import('exceljs') => load('exceljs') as typeof import('exceljs');

type Who = 'anon' | Role;
const WHO: readonly Who[] = ['anon', 'viewer', 'contributor', 'verifier', 'admin'];
const CONTRIBUTOR = 't-contributor';
const OTHER = 'other-volunteer';
const tag = randomBytes(4).toString('hex');
const canary = (field: string): string => `SYNTHETIC-CANARY-${field}-${tag}`;

/** Restricted fields: for roles granted restricted data (and whoever entered the source) only. */
const RESTRICTED = {
  url: `https://example.org/${canary('url')}`,
  kind_text: canary('kind-text'),
  list: canary('list'),
  publisher: canary('publisher'),
  language: canary('language'),
  published_at: canary('published-at'),
  captured_at: canary('captured-at'),
  excerpt: canary('excerpt'),
  reliability: canary('reliability'),
  claimExtra: canary('claim-extra'),
  photoExif: canary('photo-exif'),
};
/** Fields no API response carries to anyone. */
const NEVER = { author: canary('author'), publicAuthor: canary('public-source-author') };
/** What a verifier's crawl must contain, proving the crawl reaches the restricted data at all. */
const VERIFIER_SEES = ['url', 'kind_text', 'list', 'publisher', 'excerpt', 'claimExtra', 'photoExif'] as const;

interface Objects {
  persons: string[];
  sources: string[];
  evidence: string[];
  pairs: string[];
  claims: string[];
  imports: string[];
}

/** The path parameter values for a route: every canary object of that kind. */
function fill(path: string, o: Objects): string[] {
  const params = [...path.matchAll(/\/([a-z]+)\/:([A-Za-z]+)/g)];
  if (params.length === 0) return [path];
  if (params.length > 1) throw new Error(`the canary crawl fills one parameter per route; ${path} has ${params.length}`);
  const [whole, collection, name] = params[0]!;
  const values: Record<string, string[] | undefined> = { 'persons:id': o.persons, 'sources:id': o.sources, 'evidence:id': o.evidence, 'duplicates:pairId': o.pairs, 'claims:id': o.claims, 'imports:id': o.imports };
  const ids = values[`${collection}:${name}`];
  if (ids === undefined) throw new Error(`the canary crawl does not know how to fill :${name} in ${path}: add canary objects for it`);
  return ids.map((id) => path.replace(whole, `/${collection}/${id}`));
}

/** Query strings to crawl each route with (default: none). */
const QUERIES: Record<string, readonly string[]> = {
  '/api/persons': ['?limit=1000', '?q=Тестов&limit=1000'],
  '/api/candidates': ['?surname=Тестов&given_name=Пример&limit=50'],
  '/api/queues/backlog': ['?limit=1000'],
  '/api/queues/duplicates': ['?limit=1000&includeUnsure=true'],
  '/api/export': ['records', 'persons'].flatMap((what) => ['csv', 'json', 'xlsx'].flatMap((format) => [`?what=${what}&format=${format}`, `?what=${what}&format=${format}&includeRestricted=true`])),
};

async function text(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  if (!(res.headers.get('content-type') ?? '').includes('spreadsheetml')) return `${headers}\n${bytes.toString('latin1')}\n${bytes.toString('utf8')}`;
  const book = new (excel().Workbook)();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => cells.push(cell.text));
    });
  });
  return `${headers}\n${cells.join('\n')}`;
}

for (const dialect of await testDialects()) {
  describe(`restricted fields, per field, across every GET route (${dialect})`, () => {
    let t: TestDb;
    let app: ReturnType<typeof createApp>;
    let o: Objects;
    const logLines: string[] = [];
    const errors: unknown[] = [];
    const cookies: Partial<Record<Who, string>> = {};
    const clock = testClock();
    const store = mkdtempSync(join(tmpdir(), 'reckon-canary-evidence-'));
    const crawled: Record<Who, { url: string; status: number; body: string }[]> = { anon: [], viewer: [], contributor: [], verifier: [], admin: [] };

    beforeAll(async () => {
      t = await createTestDb(dialect);
      const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { logLines.push(chunk.toString('utf8')); done(); } });
      app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT }, evidenceStore: store, logger: pino(sink), onError: (e) => errors.push(e) });
      const accounts = await addTestAccounts(t.db);
      for (const role of ['viewer', 'contributor', 'verifier', 'admin'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
      await loadDemo(t.db, { persons: 30, seed: 'canary' });

      const { url, kind_text, list, publisher, language, published_at, captured_at, excerpt, reliability } = RESTRICTED;
      const restricted = await addSourceRow(t.db, { sensitivity: 'restricted', createdBy: OTHER, url, kind_text, list, publisher, language, published_at, captured_at, excerpt, reliability, author: NEVER.author });
      const open = await addSourceRow(t.db, { sensitivity: 'public', createdBy: CONTRIBUTOR, author: NEVER.publicAuthor, publisher: 'Synthetic Gazette' });
      // The contributor's own draft and another contributor's confirmed person, each citing the restricted source too.
      const own = await addPersonRow(t.db, { verification: 'reported', createdBy: CONTRIBUTOR, claimsFrom: [open] });
      const others = await addPersonRow(t.db, { verification: 'confirmed', createdBy: OTHER });
      const claims = [
        await addClaimRow(t.db, { personId: own, sourceId: restricted, createdBy: OTHER, unit: 'synthetic unit', extra: JSON.stringify({ informant: RESTRICTED.claimExtra }) }),
        await addClaimRow(t.db, { personId: others, sourceId: restricted, createdBy: OTHER, rank: 'synthetic rank', extra: JSON.stringify({ informant: RESTRICTED.claimExtra }) }),
      ];
      const photo = await jpegWithGps(RESTRICTED.photoExif);
      const evidence = [await addEvidenceFile(t.db, store, { sourceId: restricted, actor: OTHER, bytes: photo }), await addEvidenceFile(t.db, store, { sourceId: open, actor: CONTRIBUTOR, bytes: await jpegWithGps('synthetic-public-photo') })];
      await linkRegister(t.db, { actor: 'synthetic-editor' });
      const pairs = (await t.db.kysely.selectFrom('link_pairs').select(['id', 'person_a', 'person_b']).execute()).sort((a, b) => Number([b.person_a, b.person_b].includes(own)) - Number([a.person_a, a.person_b].includes(own)));
      // A staged import (browser import), when the app has them: uploaded as the contributor through the API.
      const imports: string[] = [];
      if (app.routes.some((r) => r.method === 'POST' && r.path === '/api/imports')) {
        const res = await app.request('/api/imports?name=synthetic.csv', { method: 'POST', headers: { ...appHeaders(cookies.contributor), 'content-type': 'text/csv' }, body: 'surname,given_name,death_date\nТестов,Пример,2024-03-12\n' }, fromClient('127.0.0.1'));
        expect(res.status).toBe(201);
        imports.push(((await res.json()) as { id: string }).id);
      }
      o = { persons: [own, others], sources: [restricted, open], evidence, pairs: pairs.slice(0, 2).map((p) => p.id), claims, imports };
    });
    afterAll(async () => {
      await t.dispose();
      rmSync(store, { recursive: true, force: true });
    });

    it('crawls every GET route as every caller without a server error', async () => {
      expect(o.pairs.length, 'the linkage run queued a pair to crawl').toBeGreaterThan(0);
      // Every GET route of the API the app serves (openapi.test.ts checks the app and API_ROUTES agree).
      const served = new Set(app.routes.map((r) => `${r.method} ${r.path}`));
      const gets = API_ROUTES.filter((r) => r.method === 'GET' && served.has(`GET ${r.path}`)).map((r) => r.path);
      expect(gets.length).toBeGreaterThan(15);
      const urls = [...gets.flatMap((path) => fill(path, o).flatMap((p) => (QUERIES[path] ?? ['']).map((q) => `${p}${q}`))), '/register', '/register?q=Тестов'];
      for (const who of WHO) {
        for (const url of urls) {
          const res = await app.request(url, { headers: appHeaders(cookies[who]) }, fromClient('127.0.0.1'));
          crawled[who].push({ url, status: res.status, body: await text(res) });
        }
      }
      const failures = WHO.flatMap((who) => crawled[who].filter((r) => r.status >= 500).map((r) => `${who} ${r.url} ${r.status}`));
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
      // The crawl reached real data: the verifier read both persons, both sources, the restricted original and an export.
      const ok = (url: string): boolean => crawled.verifier.some((r) => r.url.startsWith(url) && r.status === 200);
      expect([...o.persons.map((id) => `/api/persons/${id}`), ...o.sources.map((id) => `/api/sources/${id}`), `/api/evidence/${o.evidence[0]!}/original`, '/api/export?what=records&format=xlsx'].filter((u) => !ok(u))).toEqual([]);
    });

    it('leaks no restricted canary to callers without the restricted-data permission', () => {
      for (const who of WHO) {
        const granted = who !== 'anon' && can(who, 'source.read.restricted');
        const watched = { ...NEVER, ...(granted ? {} : RESTRICTED) };
        const leaks = crawled[who].flatMap((r) => Object.entries(watched).filter(([, value]) => r.body.includes(value)).map(([field]) => `${field} in ${r.url}`));
        expect(leaks, `${who}: canaries leaked`).toEqual([]);
      }
    });

    it('shows the restricted fields to verifiers (the crawl can see a leak), the author to nobody', () => {
      const all = crawled.verifier.map((r) => r.body).join('\n');
      expect(VERIFIER_SEES.filter((field) => !all.includes(RESTRICTED[field]))).toEqual([]);
      // Without includeRestricted=true even a verifier's export leaves them out.
      const plain = crawled.verifier.filter((r) => r.url.startsWith('/api/export') && !r.url.includes('includeRestricted')).map((r) => r.body).join('\n');
      expect(plain).toContain('synthetic unit');
      expect(Object.entries(RESTRICTED).filter(([, v]) => plain.includes(v)).map(([k]) => k)).toEqual([]);
    });

    it('writes no canary to the request log', () => {
      expect(logLines.length).toBeGreaterThan(100);
      const all = logLines.join('');
      expect(Object.entries({ ...RESTRICTED, ...NEVER }).filter(([, v]) => all.includes(v)).map(([k]) => k)).toEqual([]);
    });
  });
}
