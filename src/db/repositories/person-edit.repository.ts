import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PersonEditsTable, PersonsTable } from '../schema.js';

export type PersonEditRow = Selectable<PersonEditsTable>;

/** Records one field edit (applied, pending or a revert). */
export async function insertPersonEdit(db: Kysely<Database>, row: Insertable<PersonEditsTable>): Promise<void> {
  await db.insertInto('person_edits').values(row).execute();
}

/** One edit by id. */
export function findPersonEdit(db: Kysely<Database>, id: string): Promise<PersonEditRow | undefined> {
  return db.selectFrom('person_edits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The edit an audit event applied. */
export function findEditAppliedAt(db: Kysely<Database>, seq: number): Promise<PersonEditRow | undefined> {
  return db.selectFrom('person_edits').selectAll().where('applied_seq', '=', seq).executeTakeFirst();
}

/** A revert of this edit still waiting for a second reviewer, if any. */
export function findPendingRevertOf(db: Kysely<Database>, editId: string): Promise<PersonEditRow | undefined> {
  return db.selectFrom('person_edits').selectAll().where('reverts', '=', editId).where('state', '=', 'pending').executeTakeFirst();
}

/** Changes an edit's state and bookkeeping. */
export async function updatePersonEdit(db: Kysely<Database>, id: string, changes: Updateable<PersonEditsTable>): Promise<void> {
  await db.updateTable('person_edits').set(changes).where('id', '=', id).execute();
}

/** Every edit of a person (any field, any state), in the order they were proposed. */
export function listEditsOfPerson(db: Kysely<Database>, personId: string): Promise<PersonEditRow[]> {
  return db.selectFrom('person_edits').selectAll().where('person_id', '=', personId).orderBy('proposed_at').orderBy('id').execute();
}

/** Applied edits of one field of a person after an audit seq, oldest first. */
export function listLaterFieldEdits(db: Kysely<Database>, personId: string, field: string, afterSeq: number): Promise<PersonEditRow[]> {
  return db
    .selectFrom('person_edits')
    .selectAll()
    .where('person_id', '=', personId)
    .where('field', '=', field)
    .where('applied_seq', '>', afterSeq)
    .orderBy('applied_seq')
    .execute();
}

/** Edits waiting for a second reviewer, oldest first. */
export function listPendingEdits(db: Kysely<Database>, limit: number, offset: number): Promise<PersonEditRow[]> {
  return db.selectFrom('person_edits').selectAll().where('state', '=', 'pending').orderBy('proposed_at').orderBy('id').limit(limit).offset(offset).execute();
}

/** One account's edits in the given states, newest first (a bulk revert undoes them in that order). */
export function listEditsBy(db: Kysely<Database>, username: string, states: readonly string[]): Promise<PersonEditRow[]> {
  return db
    .selectFrom('person_edits')
    .selectAll()
    .where('proposed_by', '=', username)
    .where('state', 'in', states)
    .orderBy('applied_seq', 'desc')
    .orderBy('proposed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Sets some of a person's columns if nobody changed the person meanwhile; false when the version moved on. */
export async function updatePersonFields(
  db: Kysely<Database>,
  id: string,
  values: Updateable<PersonsTable>,
  expectedVersion: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('persons')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
