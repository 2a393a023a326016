import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { loadDemo } from '../../services/demo/demo.service.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock, type TestAccount } from './auth-test-kit.js';

// CSRF: a state-changing request without our header, or from a foreign origin, is refused and changes nothing.

for (const dialect of await testDialects()) {
  describe(`CSRF protection (${dialect})`, () => {
    let t: TestDb;
    let accounts: Record<Role, TestAccount>;
    let target: string;
    const clock = testClock();
    let app: ReturnType<typeof createApp>;
    let cookie: string;

    const state = async (): Promise<unknown> => ({
      person: (await t.db.kysely.selectFrom('persons').select(['verification', 'version']).where('id', '=', target).executeTakeFirst()) ?? null,
      verifications: (await t.db.kysely.selectFrom('verifications').select('id').execute()).length,
      audit: (await t.db.kysely.selectFrom('audit_events').select('seq').execute()).length,
      sessions: (await t.db.kysely.selectFrom('sessions').select('id').execute()).length,
    });
    const decide = (headers: Record<string, string>): Promise<Response> =>
      Promise.resolve(app.request(`/api/persons/${target}/decision`, { method: 'POST', headers, body: JSON.stringify({ decision: 'disputed', reason: 'forged request' }) }, fromClient('127.0.0.1')));

    beforeAll(async () => {
      t = await createTestDb(dialect);
      accounts = await addTestAccounts(t.db);
      await loadDemo(t.db, { persons: 10, seed: 'csrf' });
      const p = await t.db.kysely.selectFrom('persons').select('id').where('verification', '=', 'reported').orderBy('id').executeTakeFirstOrThrow();
      target = p.id;
      app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
      cookie = (await logIn(app, clock, accounts.verifier)).cookie ?? '';
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('refuses a request from another origin, one without the header, a form post and a cross-site fetch, changing nothing', async () => {
      const before = await state();
      const forged: Record<string, Record<string, string>> = {
        'foreign origin': { ...appHeaders(cookie), origin: 'http://127.0.0.2:3000' },
        'no header': { 'content-type': 'application/json', origin: 'http://localhost', cookie },
        'header not 1': { ...appHeaders(cookie), 'x-reckon-csrf': 'yes' },
        'form post': { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.2:3000', cookie },
        'null origin': { ...appHeaders(cookie), origin: 'null' },
        'cross-site fetch metadata': { ...appHeaders(cookie), 'sec-fetch-site': 'cross-site' },
      };
      for (const [name, headers] of Object.entries(forged)) {
        expect((await decide(headers)).status, name).toBe(403);
      }
      const logout = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: 'http://127.0.0.2:3000' } });
      expect(logout.status).toBe(403);
      const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: accounts.viewer.username, password: accounts.viewer.password }) });
      expect(login.status).toBe(403);
      expect(await state()).toEqual(before);
      // The same request from the app itself goes through, so the refusals above were about CSRF alone.
      expect((await decide(appHeaders(cookie))).status).toBe(200);
      expect(await state()).not.toEqual(before);
    });

    it('never changes anything on GET', async () => {
      const before = await state();
      for (const url of ['/api/health', '/api/auth/me', '/api/persons', `/api/persons/${target}`, `/api/persons/${target}/decision`, '/api/candidates?surname=x', '/register', '/api/auth/logout', '/api/auth/login']) {
        await app.request(url, { headers: appHeaders(cookie) });
      }
      expect(await state()).toEqual(before);
      expect((await app.request('/api/auth/me', { headers: appHeaders(cookie) })).status).toBe(200);
    });

    it('refuses a second loopback origin over a real socket', async () => {
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
      await new Promise<void>((resolve) => server.once('listening', () => { resolve(); }));
      const { port } = server.address() as AddressInfo;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/auth/logout`, { method: 'POST', headers: { ...appHeaders(cookie), origin: `http://127.0.0.2:${port}` } });
        expect(res.status).toBe(403);
        const own = await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { cookie } });
        expect(own.status).toBe(200);
      } finally {
        await new Promise<void>((resolve) => server.close(() => { resolve(); }));
      }
    });
  });
}
