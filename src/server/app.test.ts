import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../db/testing.js';
import { releaseDemo } from '../services/demo/demo-release.js';
import { loadDemo } from '../services/demo/demo.service.js';
import { createApp } from './app.js';
import { addTestAccounts, appHeaders, logIn, TEST_SCRYPT, testClock, type TestAccount } from './auth/auth-test-kit.js';
import type { Role } from '../services/auth/auth.schemas.js';

describe('the HTTP app on a demo register', () => {
  let t: TestDb;
  let dir: string;
  let accounts: Record<Role, TestAccount>;
  const clock = testClock();
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'reckon-app-'));
    await loadDemo(t.db, { persons: 40, seed: 'app' });
    accounts = await addTestAccounts(t.db);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /api/health and lists persons on the register page, labelled synthetic', async () => {
    const app = createApp({ db: t.db, demo: true, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const health = await app.request('/api/health');
    expect(await health.json()).toMatchObject({ ok: true, database: 'sqlite', persons: 40 });
    const anonymous = await app.request('/register'); // the register of unconfirmed records is private
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/login');
    expect(await (await app.request('/login')).text()).toContain('<form id="login"');
    const { cookie } = await logIn(app, clock, accounts.viewer);
    const page = await app.request('/register', { headers: appHeaders(cookie) });
    const html = await page.text();
    expect(html).toContain('synthetic and fictional');
    expect((html.match(/<tr><td>/g) ?? []).length).toBe(40);
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('says nothing is published yet (no redirect loop) until a release exists, then serves the tally', async () => {
    const app = createApp({ db: t.db, webDist: join(dir, 'no-web-build') });
    const before = await app.request('/');
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');
    const page = await before.text();
    expect(page).toContain('Nothing published yet');
    expect(page).toContain('Пока ничего не опубликовано');
    expect(page).toContain('href="/login"');
    expect((await app.request('/en/data/persons.csv')).status).toBe(404);
    const { privateKey } = generateKeyPairSync('ed25519');
    await releaseDemo(t.db, { outDir: join(dir, 'release'), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), date: '2026-12-01' });
    const fresh = createApp({ db: t.db });
    const tally = await fresh.request('/en/index.html');
    expect(tally.status).toBe(200);
    expect(await tally.text()).toContain('2026-12-01');
  });

  it('rejects a bad query with a message naming the field', async () => {
    const app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const { cookie } = await logIn(app, clock, accounts.viewer);
    const res = await app.request('/api/persons?limit=abc', { headers: appHeaders(cookie) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('limit');
  });
});
