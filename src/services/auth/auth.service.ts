import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteStaleThrottles,
  deleteThrottle,
  findSessionByTokenHash,
  findThrottles,
  insertSession,
  touchSession,
  upsertThrottle,
} from '../../db/repositories/session.repository.js';
import { claimTotpStep, findUserByUsername, type UserRow } from '../../db/repositories/user.repository.js';
import { loginSchema, MFA_ROLES, roleSchema, type SessionUser } from './auth.schemas.js';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from './password.js';
import { ACCOUNT_BACKOFF, backoffSeconds, CLIENT_BACKOFF, throttleKey, type BackoffRule } from './throttle.js';
import { matchTotp } from './totp.js';

/** SESSION: a session ends after 30 minutes without use, and 12 hours after login whatever happens. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn reads into writes; a minute's slack is harmless.
const TOUCH_EVERY_MS = 60 * 1000;
/** A throttle key forgets its failures after a day without one. */
export const THROTTLE_MEMORY_MS = 24 * 60 * 60 * 1000;

export type LoginResult =
  | { ok: true; token: string; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface AuthOptions {
  /** The clock (tests move it); milliseconds since the epoch. */
  now?: () => number;
  /** Parameters of the dummy hash checked for unknown accounts: keep them equal to real accounts' (the default). */
  dummyScrypt?: ScryptParams;
}

/** SHA-256 of a session token: all the database ever sees of it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sessionUser(u: UserRow): SessionUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: roleSchema.parse(u.role) };
}

/** Logins, sessions and their timeouts, with throttling; the HTTP layer only moves cookies. */
export class AuthService {
  private readonly now: () => number;
  private dummyHash: Promise<string> | undefined;
  private failuresSinceSweep = 0;
  private readonly dummyScrypt: ScryptParams;

  constructor(
    private readonly db: Db,
    options: AuthOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.dummyScrypt = options.dummyScrypt ?? DEFAULT_SCRYPT;
  }

  /**
   * Checks username, password and (for admin and verifier) a single-use TOTP code, and opens a new session.
   * Every failure looks the same, and an unknown account costs the same password hash as a known one.
   * `client` identifies the caller for throttling (its address); `previousToken` is ended (rotation).
   */
  async login(body: unknown, client: string, previousToken?: string): Promise<LoginResult> {
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    const { password, totp } = parsed.data;
    const username = parsed.data.username.trim().toLowerCase();
    const now = this.now();
    const accountKey = throttleKey('account', username);
    const keys: [string, BackoffRule][] = [
      [throttleKey('client', client), CLIENT_BACKOFF],
      [accountKey, ACCOUNT_BACKOFF],
    ];
    const states = await findThrottles(this.db.kysely, keys.map(([k]) => k));
    const waitMs = Math.max(0, ...states.map((s) => Date.parse(s.next_allowed_at) - now));
    if (waitMs > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(waitMs / 1000) };

    const user = await findUserByUsername(this.db.kysely, username);
    this.dummyHash ??= hashPassword('reckon-dummy-password', this.dummyScrypt);
    const hash = user?.password_hash ?? (await this.dummyHash);
    const passwordOk = await verifyPassword(password, hash);
    const ok = passwordOk && user !== undefined && user.disabled_at === null && (await this.secondFactorOk(user, totp, now));
    if (!ok) {
      for (const [key, rule] of keys) {
        const prev = states.find((s) => s.key === key);
        const remembered = prev !== undefined && now - Date.parse(prev.updated_at) < THROTTLE_MEMORY_MS ? prev.failures : 0;
        const failures = remembered + 1;
        const next = new Date(now + backoffSeconds(rule, failures) * 1000).toISOString();
        await upsertThrottle(this.db.kysely, { key, failures, next_allowed_at: next, updated_at: new Date(now).toISOString() });
      }
      if (++this.failuresSinceSweep >= 100) {
        this.failuresSinceSweep = 0;
        await deleteStaleThrottles(this.db.kysely, new Date(now - THROTTLE_MEMORY_MS).toISOString());
      }
      return { ok: false, reason: 'invalid' };
    }
    const token = randomBytes(32).toString('base64url');
    const at = new Date(now).toISOString();
    await this.db.kysely.transaction().execute(async (trx) => {
      if (previousToken !== undefined) {
        const old = await findSessionByTokenHash(trx, hashToken(previousToken));
        if (old) await deleteSession(trx, old.session.id);
      }
      await deleteThrottle(trx, accountKey);
      await deleteExpiredSessions(trx, new Date(now - IDLE_TIMEOUT_MS).toISOString(), new Date(now - ABSOLUTE_TIMEOUT_MS).toISOString());
      await insertSession(trx, { id: newId(now), token_hash: hashToken(token), user_id: user.id, created_at: at, last_seen_at: at });
      await appendAudit(trx, this.db.dialect, { actor: user.username, action: 'session.login', entity: 'user', entityId: user.id, at });
    });
    return { ok: true, token, user: sessionUser(user) };
  }

  private async secondFactorOk(user: UserRow, code: string | undefined, now: number): Promise<boolean> {
    const role = roleSchema.parse(user.role);
    if (!MFA_ROLES.includes(role) && user.totp_secret === null) return true;
    // A role that needs a second factor but has no secret cannot log in until an admin enrols one.
    if (user.totp_secret === null || code === undefined) return false;
    const step = matchTotp(user.totp_secret, code.trim(), now);
    if (step === null) return false;
    return claimTotpStep(this.db.kysely, user.id, step);
  }

  /** The account behind a session token, or null when the session is unknown, timed out or its account disabled. */
  async resolve(token: string | undefined): Promise<{ user: SessionUser; sessionId: string } | null> {
    if (token === undefined || token === '' || token.length > 100) return null;
    const found = await findSessionByTokenHash(this.db.kysely, hashToken(token));
    if (!found) return null;
    const { session, user } = found;
    const now = this.now();
    const idle = now - Date.parse(session.last_seen_at) > IDLE_TIMEOUT_MS;
    const expired = now - Date.parse(session.created_at) > ABSOLUTE_TIMEOUT_MS;
    if (idle || expired || user.disabled_at !== null) {
      await deleteSession(this.db.kysely, session.id);
      return null;
    }
    if (now - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) await touchSession(this.db.kysely, session.id, new Date(now).toISOString());
    return { user: sessionUser(user), sessionId: session.id };
  }

  /** Ends the session of this token on the server (the cookie alone is not trusted to go away). */
  async logout(token: string | undefined): Promise<void> {
    const current = await this.resolve(token);
    if (!current) return;
    await this.db.kysely.transaction().execute(async (trx) => {
      await deleteSession(trx, current.sessionId);
      await appendAudit(trx, this.db.dialect, { actor: current.user.username, action: 'session.logout', entity: 'user', entityId: current.user.id });
    });
  }
}
