import type { Hono } from 'hono';
import { CSRF_HEADER, SESSION_COOKIE, type AuthEnv } from './auth-env.js';
import type { Db } from '../../db/database.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { totpCode, TOTP_PERIOD } from '../../services/auth/totp.js';
import { addUser } from '../../services/auth/user.service.js';
import type { ScryptParams } from '../../services/auth/password.js';


// Test support for the HTTP auth tests: accounts of every role, a clock the tests move, same-origin requests.

/** Cheap scrypt for tests only (the format and code path are the production ones). */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

export interface TestAccount {
  username: string;
  password: string;
  totpSecret: string | null;
}

/** A clock starting at a fixed moment, moved by tests. */
export function testClock(start = Date.parse('2026-12-02T09:00:00.000Z')): { t: number; now: () => number } {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

/** One account per role, named after the role. */
export async function addTestAccounts(db: Db): Promise<Record<Role, TestAccount>> {
  const out: Partial<Record<Role, TestAccount>> = {};
  for (const role of ['viewer', 'contributor', 'verifier', 'admin'] as const) {
    const password = `${role} test passphrase`;
    const r = await addUser(db, { username: `t-${role}`, role, password, actor: 'test', scrypt: TEST_SCRYPT });
    out[role] = { username: `t-${role}`, password, totpSecret: r.totp?.secret ?? null };
  }
  return out as Record<Role, TestAccount>;
}

/** The node-server env that tells the app which address a request came from. */
export function fromClient(address: string): { incoming: { socket: { remoteAddress: string } } } {
  return { incoming: { socket: { remoteAddress: address } } };
}

/** Headers of a same-origin request from the web app (app.request uses http://localhost). */
export function appHeaders(cookie?: string): Record<string, string> {
  return { 'content-type': 'application/json', origin: 'http://localhost', [CSRF_HEADER]: '1', ...(cookie === undefined ? {} : { cookie }) };
}

/** The session cookie (name=value) from a response, or undefined. */
export function sessionCookie(res: Response): string | undefined {
  const header = res.headers.get('set-cookie') ?? '';
  const m = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(header);
  return m?.[1] === undefined || m[1] === '' ? undefined : `${SESSION_COOKIE}=${m[1]}`;
}

/** Logs an account in (moving the clock to a fresh TOTP step first); returns the response and its cookie. */
export async function logIn(
  app: Hono<AuthEnv>,
  clock: { t: number },
  account: TestAccount,
  client = '127.0.0.1',
): Promise<{ res: Response; cookie: string | undefined }> {
  clock.t += TOTP_PERIOD * 1000;
  const body = { username: account.username, password: account.password, ...(account.totpSecret === null ? {} : { totp: totpCode(account.totpSecret, clock.t) }) };
  const res = await app.request('/api/auth/login', { method: 'POST', headers: appHeaders(), body: JSON.stringify(body) }, fromClient(client));
  return { res, cookie: sessionCookie(res) };
}
