import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { totpCode } from '../../services/auth/totp.js';
import { disableUser, setRole } from '../../services/auth/user.service.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock, type TestAccount } from './auth-test-kit.js';

for (const dialect of await testDialects()) {
  describe(`/api/auth over HTTP (${dialect})`, () => {
    let t: TestDb;
    let accounts: Record<Role, TestAccount>;
    const clock = testClock();
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      t = await createTestDb(dialect);
      accounts = await addTestAccounts(t.db);
      app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    });
    afterAll(async () => {
      await t.dispose();
    });
    const me = async (cookie: string | undefined): Promise<number> => (await app.request('/api/auth/me', { headers: appHeaders(cookie) })).status;

    it('sets a __Host- cookie that is Secure, HttpOnly, SameSite=Strict, Path=/ and has no Domain', async () => {
      const { res, cookie } = await logIn(app, clock, accounts.contributor);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ user: { id: expect.any(String) as string, username: 't-contributor', displayName: 't-contributor', role: 'contributor' } });
      const header = res.headers.get('set-cookie') ?? '';
      expect(header).toMatch(/^__Host-reckon=[A-Za-z0-9_-]{43};/);
      for (const attr of ['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/']) expect(header).toContain(attr);
      expect(header).not.toMatch(/domain/i);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await me(cookie)).toBe(200);
    });

    it('gives one generic answer for every failure and sets no cookie', async () => {
      const bodies = [
        { username: 't-viewer', password: 'wrong but long enough' },
        { username: 'no-such-user', password: 'wrong but long enough' },
        { username: 't-admin', password: accounts.admin.password }, // no TOTP
      ];
      const answers = new Set<string>();
      for (const [i, body] of bodies.entries()) {
        const res = await app.request('/api/auth/login', { method: 'POST', headers: appHeaders(), body: JSON.stringify(body) }, fromClient(`10.0.0.${i}`));
        expect(res.status).toBe(401);
        expect(res.headers.get('set-cookie')).toBeNull();
        answers.add(await res.text());
      }
      expect(answers.size).toBe(1);
    });

    it('rotates the session at login and ends it on the server at logout', async () => {
      const first = (await logIn(app, clock, accounts.viewer)).cookie ?? '';
      clock.t += 30_000;
      const again = await app.request('/api/auth/login', { method: 'POST', headers: appHeaders(first), body: JSON.stringify({ username: 't-viewer', password: accounts.viewer.password }) });
      const second = /__Host-reckon=[^;]+/.exec(again.headers.get('set-cookie') ?? '')?.[0] ?? '';
      expect(second).not.toBe(first);
      expect(await me(first)).toBe(401);
      expect(await me(second)).toBe(200);
      const out = await app.request('/api/auth/logout', { method: 'POST', headers: appHeaders(second) });
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/__Host-reckon=;.*Max-Age=0/);
      expect(await me(second)).toBe(401); // replaying the old cookie does not help
    });

    it('ends every session when an account is disabled or its role changes', async () => {
      const c1 = (await logIn(app, clock, accounts.contributor, '10.1.0.1')).cookie;
      const c2 = (await logIn(app, clock, accounts.contributor, '10.1.0.2')).cookie;
      await setRole(t.db, { username: 't-contributor', role: 'viewer', actor: 'test' });
      expect([await me(c1), await me(c2)]).toEqual([401, 401]);
      const c3 = (await logIn(app, clock, accounts.contributor)).cookie;
      expect(await me(c3)).toBe(200);
      await disableUser(t.db, { username: 't-contributor', actor: 'test' });
      expect(await me(c3)).toBe(401);
    });

    it('lets an admin add a verifier over HTTP, who then logs in with the TOTP secret shown once', async () => {
      const admin = (await logIn(app, clock, accounts.admin)).cookie;
      const weak = await app.request('/api/users', { method: 'POST', headers: appHeaders(admin), body: JSON.stringify({ username: 'vera', role: 'verifier', password: 'qwerty123' }) });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain('common passwords');
      const res = await app.request('/api/users', { method: 'POST', headers: appHeaders(admin), body: JSON.stringify({ username: 'vera', role: 'verifier', password: 'her own long passphrase', displayName: 'Vera' }) });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { user: { role: string }; totp: { secret: string; uri: string } };
      expect(body.user.role).toBe('verifier');
      const vera = { username: 'vera', password: 'her own long passphrase', totpSecret: body.totp.secret };
      const { res: login } = await logIn(app, clock, vera, '10.2.0.1');
      expect(login.status).toBe(200);
      const list = await app.request('/api/users', { headers: appHeaders(admin) });
      expect(await list.text()).not.toMatch(/scrypt|totp_secret|passphrase/);
    });

    it('answers 429 with Retry-After to a client that keeps guessing, while the account stays open elsewhere', async () => {
      let last: Response | undefined;
      for (let i = 0; i < 200; i++) {
        last = await app.request('/api/auth/login', { method: 'POST', headers: appHeaders(), body: JSON.stringify({ username: 't-admin', password: `guess ${i} of many` }) }, fromClient('203.0.113.9'));
      }
      expect(last?.status).toBe(429);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      clock.t += 30_000;
      const body = { username: 't-admin', password: accounts.admin.password, totp: totpCode(accounts.admin.totpSecret ?? '', clock.t) };
      const real = await app.request('/api/auth/login', { method: 'POST', headers: appHeaders(), body: JSON.stringify(body) }, fromClient('198.51.100.7'));
      expect(real.status).toBe(200);
    });
  });
}
