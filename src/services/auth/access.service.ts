import type { ConfirmationRule } from '../../core/verification/confirmation-rule.js';
import type { Db } from '../../db/database.js';
import type { AliasAccess } from '../../db/repositories/alias.repository.js';
import { getPersonDetail, NotFoundError, searchPersons, type PersonDetail } from '../person/person.service.js';
import type { PersonListQuery, PersonSummary } from '../person/person.schemas.js';
import { decide, type DecisionResult } from '../verification/verification.service.js';
import type { SessionUser } from './auth.schemas.js';
import { hideRestrictedFields } from './field-access.js';
import { authorize, can } from './policy.js';
import { AccountError, addUser, disableUser, listUsers, setRole, type TotpEnrolment, type UserSummary } from './user.service.js';

// Authorisation in the service layer: every read or change of the register on behalf of a signed-in
// account goes through here, and the policy decides. The account's username is its actor in the audit log
// and in created_by, so "their own records" are the ones whose created_by is their username.

/** Persons this account may see: everyone's for viewers, verifiers and admins; only their own for contributors. */
export async function listPersonsFor(db: Db, user: SessionUser, query: PersonListQuery): Promise<PersonSummary[]> {
  authorize(user.role, 'person.read');
  // A name search matches aliases from restricted sources only for readers who may see those sources.
  const aliases: AliasAccess = can(user.role, 'source.read.restricted') ? { restricted: 'all' } : { restricted: 'own', username: user.username };
  if (can(user.role, 'person.read.all')) return searchPersons(db, query, aliases);
  // The others read only the persons they recorded: searched and filtered the same way.
  return searchPersons(db, query, aliases, user.username);
}

/** One person for this account (a record it may not see answers like a missing one; restricted sources' fields hidden per field). */
export async function getPersonFor(db: Db, user: SessionUser, id: string): Promise<PersonDetail> {
  authorize(user.role, 'person.read');
  const detail = await getPersonDetail(db, id);
  if (!can(user.role, 'person.read.all') && detail.person.created_by !== user.username) throw new NotFoundError(`no person with id ${id}`);
  return hideRestrictedFields(db, user, detail);
}

/** Confirms, rejects or disputes a reported death as this account (verifiers and admins only). */
export async function decideAs(
  db: Db,
  user: SessionUser,
  rule: ConfirmationRule,
  input: { personId: string; decision: 'confirmed' | 'rejected' | 'disputed'; reason: string },
): Promise<DecisionResult> {
  authorize(user.role, 'person.decide');
  return decide(db, rule, { ...input, actor: user.username });
}

/** Every account (admins only). */
export async function listUsersAs(db: Db, user: SessionUser): Promise<UserSummary[]> {
  authorize(user.role, 'user.manage');
  return listUsers(db);
}

/** Adds an account as this admin; the TOTP enrolment, if any, is shown to the admin once. */
export async function addUserAs(
  db: Db,
  user: SessionUser,
  input: { username: string; role: string; password: string; displayName?: string },
): Promise<{ user: UserSummary; totp: TotpEnrolment | null }> {
  authorize(user.role, 'user.manage');
  return addUser(db, { ...input, actor: user.username });
}

/** Changes an account's role as this admin. */
export async function setRoleAs(db: Db, user: SessionUser, username: string, role: string): Promise<{ user: UserSummary; totp: TotpEnrolment | null }> {
  authorize(user.role, 'user.manage');
  return setRole(db, { username, role, actor: user.username });
}

/** Disables an account as this admin (never one's own: an instance must keep an admin who can log in). */
export async function disableUserAs(db: Db, user: SessionUser, username: string): Promise<{ user: UserSummary; sessionsEnded: number }> {
  authorize(user.role, 'user.manage');
  if (username.trim().toLowerCase() === user.username) throw new AccountError('you cannot disable your own account');
  return disableUser(db, { username, actor: user.username });
}
