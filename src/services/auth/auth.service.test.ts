import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { countSessionsOfUser } from '../../db/repositories/session.repository.js';
import { findUserByUsername } from '../../db/repositories/user.repository.js';
import { addTestAccounts, TEST_SCRYPT, testClock, type TestAccount } from '../../server/auth/auth-test-kit.js';
import type { Role } from './auth.schemas.js';
import { ABSOLUTE_TIMEOUT_MS, AuthService, hashToken, IDLE_TIMEOUT_MS, type LoginResult } from './auth.service.js';
import { ACCOUNT_BACKOFF } from './throttle.js';
import { totpCode } from './totp.js';
import { disableUser } from './user.service.js';

function token(r: LoginResult): string {
  if (!r.ok) throw new Error(`login failed: ${r.reason}`);
  return r.token;
}

for (const dialect of await testDialects()) {
  describe(`logins and sessions (${dialect})`, () => {
    let t: TestDb;
    let accounts: Record<Role, TestAccount>;
    const clock = testClock();
    let auth: AuthService;
    beforeAll(async () => {
      t = await createTestDb(dialect);
      accounts = await addTestAccounts(t.db);
      auth = new AuthService(t.db, { now: clock.now, dummyScrypt: TEST_SCRYPT });
    });
    afterAll(async () => {
      await t.dispose();
    });
    const creds = (role: Role, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ username: accounts[role].username, password: accounts[role].password, ...extra });
    const code = (role: Role, at = clock.t): string => totpCode(accounts[role].totpSecret ?? '', at);

    it('opens a session with a 256-bit token of which only the SHA-256 is stored', async () => {
      const r = await auth.login(creds('contributor'), 'c1');
      const tok = token(r);
      expect(Buffer.from(tok, 'base64url')).toHaveLength(32);
      const rows = await t.db.kysely.selectFrom('sessions').selectAll().execute();
      expect(rows.map((s) => s.token_hash)).toContain(hashToken(tok));
      expect(JSON.stringify(rows)).not.toContain(tok);
      expect((await auth.resolve(tok))?.user).toMatchObject({ username: 't-contributor', role: 'contributor' });
    });

    it('answers a wrong password, an unknown account and a disabled one alike', async () => {
      expect(await auth.login(creds('viewer', { password: 'wrong password here' }), 'c2')).toEqual({ ok: false, reason: 'invalid' });
      expect(await auth.login({ username: 'nobody-here', password: 'whatever it is' }, 'c2')).toEqual({ ok: false, reason: 'invalid' });
      expect(await auth.login({ username: 1 }, 'c2')).toEqual({ ok: false, reason: 'invalid' });
    });

    it('requires a single-use, current TOTP code for verifiers and admins (AUTH-MFA)', async () => {
      clock.t += 30_000;
      expect(await auth.login(creds('verifier'), 'c3')).toEqual({ ok: false, reason: 'invalid' }); // no second factor
      expect(await auth.login(creds('verifier', { totp: code('verifier', clock.t - 60_000) }), 'c3')).toEqual({ ok: false, reason: 'invalid' }); // expired
      expect(await auth.login(creds('admin', { totp: code('verifier') }), 'c3')).toEqual({ ok: false, reason: 'invalid' }); // someone else's
      const used = code('verifier');
      expect((await auth.login(creds('verifier', { totp: used }), 'c4')).ok).toBe(true);
      expect(await auth.login(creds('verifier', { totp: used }), 'c4')).toEqual({ ok: false, reason: 'invalid' }); // replayed
      clock.t += 30_000;
      expect((await auth.login(creds('verifier', { totp: code('verifier') }), 'c4')).ok).toBe(true); // the next step's code
    });

    it('ends a session after 30 idle minutes, and 12 hours after login however active', async () => {
      const idle = token(await auth.login(creds('viewer'), 'c5'));
      const active = token(await auth.login(creds('viewer'), 'c5'));
      const start = clock.t;
      clock.t = start + IDLE_TIMEOUT_MS - 60_000;
      expect(await auth.resolve(active)).not.toBeNull();
      clock.t = start + IDLE_TIMEOUT_MS + 60_000;
      expect(await auth.resolve(idle)).toBeNull();
      for (let at = start + 20 * 60_000; at < start + ABSOLUTE_TIMEOUT_MS; at += 20 * 60_000) {
        clock.t = at;
        expect(await auth.resolve(active)).not.toBeNull();
      }
      clock.t = start + ABSOLUTE_TIMEOUT_MS + 1000;
      expect(await auth.resolve(active)).toBeNull();
    });

    it('rotates at login, logs out on the server, and ends every session when an account is disabled', async () => {
      const first = token(await auth.login(creds('contributor'), 'c6'));
      const second = token(await auth.login(creds('contributor'), 'c6', first));
      expect(await auth.resolve(first)).toBeNull();
      await auth.logout(second);
      expect(await auth.resolve(second)).toBeNull();
      const a = token(await auth.login(creds('contributor'), 'c6'));
      const b = token(await auth.login(creds('contributor'), 'c7'));
      const user = await findUserByUsername(t.db.kysely, 't-contributor');
      expect(await countSessionsOfUser(t.db.kysely, user?.id ?? '')).toBe(2); // timed-out ones were swept at login
      expect((await disableUser(t.db, { username: 't-contributor', actor: 'test' })).sessionsEnded).toBe(2);
      expect(await countSessionsOfUser(t.db.kysely, user?.id ?? '')).toBe(0);
      expect(await auth.resolve(a)).toBeNull();
      expect(await auth.resolve(b)).toBeNull();
      expect(await auth.login(creds('contributor'), 'c8')).toEqual({ ok: false, reason: 'invalid' });
    });

    it('slows an attacker from one client to a halt while the real user gets in from another (AUTH-THROTTLE)', async () => {
      clock.t += 3600_000;
      const results: LoginResult[] = [];
      for (let i = 0; i < 200; i++) results.push(await auth.login(creds('admin', { password: `guess number ${i}` }), 'attacker'));
      expect(results.slice(0, 5).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
      expect(results.slice(5).every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
      const last = results[199];
      expect(last?.ok === false && last.reason === 'throttled' ? last.retryAfterSeconds : 0).toBeGreaterThanOrEqual(1);
      clock.t += 30_000;
      expect((await auth.login(creds('admin', { totp: code('admin') }), 'real-user')).ok).toBe(true);
      // Nothing is locked for good: a day later the attacker's client starts afresh with its free attempts.
      clock.t += 25 * 3600_000;
      for (let i = 0; i < 5; i++) expect(await auth.login(creds('admin', { password: `later guess ${i}` }), 'attacker')).toEqual({ ok: false, reason: 'invalid' });
      expect(await auth.login(creds('admin', { password: 'one too many' }), 'attacker')).toMatchObject({ ok: false, reason: 'throttled' });
    });

    it('makes a patient attacker on one client wait about two days for 200 guesses', async () => {
      clock.t += 3600_000;
      const start = clock.t;
      let guesses = 0;
      while (guesses < 200) {
        const r = await auth.login(creds('viewer', { password: `patient guess ${guesses}` }), 'patient');
        if (!r.ok && r.reason === 'throttled') clock.t += r.retryAfterSeconds * 1000;
        else guesses++;
      }
      const hours = (clock.t - start) / 3600_000;
      expect(hours).toBeGreaterThan(40); // 5 free, then 1 s doubling to a 15-minute cap per guess
      clock.t += ACCOUNT_BACKOFF.capSeconds * 1000;
      expect((await auth.login(creds('viewer'), 'viewer-laptop')).ok).toBe(true);
    });

    it('caps the per-account wait at a minute when the attacker waits out every delay from many clients', async () => {
      clock.t += 3600_000;
      let waited = 0;
      for (let i = 0; i < 200; i++) {
        const r = await auth.login(creds('verifier', { password: `guess number ${i}` }), `botnet-${i}`);
        if (!r.ok && r.reason === 'throttled') {
          expect(r.retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_BACKOFF.capSeconds);
          waited = Math.max(waited, r.retryAfterSeconds);
          clock.t += r.retryAfterSeconds * 1000;
          i--;
        }
      }
      expect(waited).toBe(ACCOUNT_BACKOFF.capSeconds);
      const blocked = await auth.login(creds('verifier', { totp: code('verifier') }), 'real-user-2');
      expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
      clock.t += ACCOUNT_BACKOFF.capSeconds * 1000;
      expect((await auth.login(creds('verifier', { totp: code('verifier') }), 'real-user-2')).ok).toBe(true);
    });

    it('keeps passwords, TOTP secrets and tokens out of the audit log and throttle table', async () => {
      const tok = token(await auth.login(creds('viewer'), 'c9'));
      const audit = JSON.stringify(await t.db.kysely.selectFrom('audit_events').selectAll().execute());
      const throttle = JSON.stringify(await t.db.kysely.selectFrom('login_throttle').selectAll().execute());
      for (const secret of [tok, accounts.viewer.password, accounts.admin.totpSecret ?? '-', accounts.verifier.totpSecret ?? '-']) {
        expect(audit).not.toContain(secret);
      }
      expect(audit).toContain('session.login');
      expect(throttle).not.toMatch(/attacker|botnet|t-admin/);
    });
  });
}
