import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, LoginThrottleTable, SessionsTable, UsersTable } from '../schema.js';

export type SessionRow = Selectable<SessionsTable>;
export type ThrottleRow = Selectable<LoginThrottleTable>;

/** Stores a new session (the token's hash only). */
export async function insertSession(db: Kysely<Database>, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with this token hash and its account. */
export async function findSessionByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ session: SessionRow; user: Selectable<UsersTable> } | undefined> {
  const session = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  return user ? { session, user } : undefined;
}

/** Marks a session as used now (for the idle timeout). */
export async function touchSession(db: Kysely<Database>, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of one account; returns how many there were. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes timed-out sessions: idle since before `idleBefore`, or opened before `openedBefore`. */
export async function deleteExpiredSessions(db: Kysely<Database>, idleBefore: string, openedBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', openedBefore)]))
    .execute();
}

/** Sessions of one account (live or not yet swept). */
export function countSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  return db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Throttle state of some keys. */
export function findThrottles(db: Kysely<Database>, keys: string[]): Promise<ThrottleRow[]> {
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

/** Writes the throttle state of one key. */
export async function upsertThrottle(db: Kysely<Database>, row: ThrottleRow): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, next_allowed_at: row.next_allowed_at, updated_at: row.updated_at }))
    .execute();
}

/** Forgets throttle rows untouched since `before` (guesses at made-up usernames would otherwise pile up). */
export async function deleteStaleThrottles(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('updated_at', '<', before).execute();
}

/** Forgets the throttle state of one key (after a successful login). */
export async function deleteThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
