import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { deleteSessionsOfUser } from '../../db/repositories/session.repository.js';
import { findUserByUsername, insertUser, listUsers as listUserRows, updateUser } from '../../db/repositories/user.repository.js';
import { MFA_ROLES, roleSchema, usernameSchema, type Role } from './auth.schemas.js';
import { DEFAULT_SCRYPT, hashPassword, passwordProblem, type ScryptParams } from './password.js';
import { newTotpSecret, otpauthUri } from './totp.js';

/** Bad input or a refused change to an account (the CLI prints it as one line). */
export class AccountError extends Error {
  override readonly name = 'AccountError';
}

/** An account as listings show it: never the password hash or TOTP secret. */
export interface UserSummary {
  username: string;
  displayName: string;
  role: Role;
  mfa: boolean;
  disabled: boolean;
  createdAt: string;
}

/** Shown once, when a role needing a second factor gets one: enrol it in an authenticator app. */
export interface TotpEnrolment {
  secret: string;
  uri: string;
}

export interface AddUserInput {
  username: string;
  role: string;
  password: string;
  displayName?: string;
  actor: string;
  /** Tests use cheaper parameters; production keeps the default. */
  scrypt?: ScryptParams;
}

/** Creates an account; roles that need a second factor get a TOTP secret, returned once for enrolment. */
export async function addUser(db: Db, input: AddUserInput): Promise<{ user: UserSummary; totp: TotpEnrolment | null }> {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) throw new AccountError(username.error.issues[0]?.message ?? 'bad username');
  const role = roleSchema.safeParse(input.role);
  if (!role.success) throw new AccountError(`role must be one of ${roleSchema.options.join(', ')}`);
  const problem = passwordProblem(input.password, username.data);
  if (problem !== null) throw new AccountError(problem);
  const passwordHash = await hashPassword(input.password, input.scrypt ?? DEFAULT_SCRYPT);
  const secret = MFA_ROLES.includes(role.data) ? newTotpSecret() : null;
  const now = new Date().toISOString();
  const row = {
    id: newId(),
    username: username.data,
    display_name: input.displayName ?? username.data,
    role: role.data,
    password_hash: passwordHash,
    totp_secret: secret,
    totp_last_step: null,
    disabled_at: null,
    created_at: now,
  };
  await db.kysely.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, row.username)) throw new AccountError(`an account named ${row.username} exists already`);
    await insertUser(trx, row);
    await appendAudit(trx, db.dialect, { actor: input.actor, action: 'user.add', entity: 'user', entityId: row.id, after: { username: row.username, role: row.role, mfa: secret !== null }, at: now });
  });
  return { user: summariseUser(row), totp: secret === null ? null : { secret, uri: otpauthUri(secret, row.username) } };
}

/** Changes an account's role; moving to a role that needs a second factor creates a TOTP secret if there is none. */
export async function setRole(db: Db, input: { username: string; role: string; actor: string }): Promise<{ user: UserSummary; totp: TotpEnrolment | null }> {
  const role = roleSchema.safeParse(input.role);
  if (!role.success) throw new AccountError(`role must be one of ${roleSchema.options.join(', ')}`);
  return db.kysely.transaction().execute(async (trx) => {
    const user = await findUserByUsername(trx, input.username.trim().toLowerCase());
    if (!user) throw new AccountError(`no account named ${input.username}`);
    const secret = MFA_ROLES.includes(role.data) && user.totp_secret === null ? newTotpSecret() : null;
    await updateUser(trx, user.id, { role: role.data, ...(secret === null ? {} : { totp_secret: secret, totp_last_step: null }) });
    // A role change takes effect at once: sessions opened under the old role end.
    await deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, db.dialect, { actor: input.actor, action: 'user.role', entity: 'user', entityId: user.id, before: { role: user.role }, after: { role: role.data } });
    const updated = { ...user, role: role.data, totp_secret: secret ?? user.totp_secret };
    return { user: summariseUser(updated), totp: secret === null ? null : { secret, uri: otpauthUri(secret, user.username) } };
  });
}

/** Disables an account and ends all its sessions at once. */
export async function disableUser(db: Db, input: { username: string; actor: string }): Promise<{ user: UserSummary; sessionsEnded: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    const user = await findUserByUsername(trx, input.username.trim().toLowerCase());
    if (!user) throw new AccountError(`no account named ${input.username}`);
    const now = new Date().toISOString();
    if (user.disabled_at === null) await updateUser(trx, user.id, { disabled_at: now });
    const sessionsEnded = await deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, db.dialect, { actor: input.actor, action: 'user.disable', entity: 'user', entityId: user.id, after: { sessionsEnded }, at: now });
    return { user: summariseUser({ ...user, disabled_at: user.disabled_at ?? now }), sessionsEnded };
  });
}

/** Every account, without secrets. */
export async function listUsers(db: Db): Promise<UserSummary[]> {
  return (await listUserRows(db.kysely)).map(summariseUser);
}

function summariseUser(u: { username: string; display_name: string; role: string; totp_secret: string | null; disabled_at: string | null; created_at: string }): UserSummary {
  return { username: u.username, displayName: u.display_name, role: roleSchema.parse(u.role), mfa: u.totp_secret !== null, disabled: u.disabled_at !== null, createdAt: u.created_at };
}
