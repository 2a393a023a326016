import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { fromJson, toJson, type DialectName } from '../../db/dialect.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { findPersonEdit, insertPersonEdit, listPendingEdits, updatePersonEdit, updatePersonFields, type PersonEditRow } from '../../db/repositories/person-edit.repository.js';
import { findPerson, type PersonRow } from '../../db/repositories/person.repository.js';
import type { Database, PersonsTable } from '../../db/schema.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize, can, ForbiddenError } from '../auth/policy.js';
import { keepFormerName } from './person-aliases.service.js';
import { approveRevertWithin } from './person-revert.service.js';
import { editBodySchema, pendingEditsQuerySchema, type EditInput, type EditResult, type EditView } from './person-edit.schemas.js';
import { fieldSnapshot, fieldValues, sameValues, withNameKey, type EditableField, type FieldValues } from './person-fields.js';
import { NotFoundError, summarise } from './person.service.js';
import type { PersonSummary } from './person.schemas.js';

// Corrections of a person's normalised fields, with optimistic locking on the person's version. The values
// before and after, and the reasons typed, live in person_edits; the audit event names the edit and carries a
// salted digest of the values (AUD-PRIV: no personal data and no free text in the append-only log). Editing a
// confirmed person changes the public tally at the next release, so it waits for a second reviewer who did not
// propose it (REV-4EYES).

/** A change the register refuses as things stand (HTTP 409): stale version, field changed since, wrong state. */
export class EditRefused extends Error {}

/** Salted digest of an edit's values: the audit log can prove them without holding them. */
export function valuesDigest(salt: string, before: FieldValues, after: FieldValues): string {
  return createHash('sha256').update(`${salt}\n${JSON.stringify(before)}\n${JSON.stringify(after)}`).digest('hex');
}

/** An edit row as the API shows it. */
export function editView(row: PersonEditRow): EditView {
  return {
    edit: row.id,
    person: row.person_id,
    field: row.field,
    kind: row.kind === 'revert' ? 'revert' : 'edit',
    state: row.state as EditView['state'],
    before: fromJson(row.before) as FieldValues,
    after: fromJson(row.after) as FieldValues,
    reason: row.reason,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    seq: row.applied_seq,
  };
}

/** A person this account may see (contributors: their own), else NotFoundError. */
async function visiblePerson(db: Kysely<Database>, user: SessionUser, id: string): Promise<PersonRow> {
  const person = await findPerson(db, id);
  if (!person || (!can(user.role, 'person.read.all') && person.created_by !== user.username)) throw new NotFoundError(`no person with id ${id}`);
  return person;
}

/** Writes column values to a person if its version is still `person.version`. */
export async function writeFields(trx: Kysely<Database>, person: PersonRow, field: string, values: FieldValues, now: string): Promise<void> {
  // Non-null columns (category, precisions, region code) always get values from the normalisers.
  const ok = await updatePersonFields(trx, person.id, withNameKey(person, field, values) as Updateable<PersonsTable>, person.version, now);
  if (!ok) throw new EditRefused(`person ${person.id} changed meanwhile; reload and try again`);
}

async function applyNew(trx: Kysely<Database>, dialect: DialectName, user: SessionUser, person: PersonRow, input: EditInput, change: { before: FieldValues; after: FieldValues }): Promise<EditResult> {
  const now = new Date().toISOString();
  const id = newId();
  const salt = randomBytes(16).toString('hex');
  const digest = valuesDigest(salt, change.before, change.after);
  const pending = person.verification === 'confirmed';
  if (!pending) {
    await writeFields(trx, person, input.field, change.after, now);
    await keepFormerName(trx, person, input.field);
  }
  const event = await appendAudit(trx, dialect, {
    actor: user.username,
    action: pending ? 'person.edit.propose' : 'person.edit',
    entity: 'person',
    entityId: person.id,
    after: { edit: id, field: input.field, digest },
    at: now,
  });
  const row = {
    id, person_id: person.id, field: input.field, kind: 'edit', reverts: null, before: toJson(change.before) ?? '{}', after: toJson(change.after) ?? '{}', salt, reason: input.reason,
    state: pending ? 'pending' : 'applied', proposed_by: user.username, proposed_at: now, propose_seq: pending ? event.seq : null,
    decided_by: null, decided_at: null, decision_reason: null, applied_seq: pending ? null : event.seq, reverted_by: null,
  };
  await insertPersonEdit(trx, row);
  return { ...editView(row), version: pending ? person.version : person.version + 1 };
}

/**
 * Corrects one normalised field of a person (verifiers and admins: anyone; contributors: their own unconfirmed
 * drafts). A stale `version` is refused; on a confirmed person the edit waits for a second reviewer.
 */
export async function editPerson(db: Db, user: SessionUser, personId: string, input: EditInput): Promise<EditResult> {
  authorize(user.role, 'person.edit');
  const body = editBodySchema.parse(input);
  return db.kysely.transaction().execute(async (trx) => {
    const person = await visiblePerson(trx, user, personId);
    if (!can(user.role, 'person.edit.approve') && person.verification !== 'reported') throw new ForbiddenError('contributors may edit only their own unconfirmed drafts');
    if (person.merged_into !== null) throw new EditRefused(`person ${personId} was merged into ${person.merged_into}; edit that person`);
    if (body.version !== person.version) throw new EditRefused(`stale version: the person is at version ${person.version}, the edit was made on version ${body.version}; reload and edit again`);
    const field: EditableField = body.field;
    const after = fieldValues(person, field, body.value);
    if (sameValues(person, after)) throw new EditRefused(`${field} already holds this value`);
    return applyNew(trx, db.dialect, user, person, body, { before: fieldSnapshot(person, field), after });
  });
}

/**
 * Applies an edit waiting for a second reviewer (a proposed revert: as a revert); the reviewer must not be the one
 * who proposed it (403).
 */
export async function approveEdit(db: Db, user: SessionUser, editId: string, reason: string): Promise<EditResult> {
  authorize(user.role, 'person.edit.approve');
  return db.kysely.transaction().execute(async (trx) => {
    const edit = await findPersonEdit(trx, editId);
    if (!edit) throw new NotFoundError(`no edit with id ${editId}`);
    if (edit.state !== 'pending') throw new EditRefused(`edit ${editId} is ${edit.state}, not pending`);
    if (edit.proposed_by === user.username) throw new ForbiddenError('a second reviewer must approve this edit: you proposed it');
    if (edit.kind === 'revert') {
      const applied = await approveRevertWithin(trx, db.dialect, user.username, edit, reason);
      return { ...editView(edit), state: 'applied', decidedBy: user.username, ...applied };
    }
    const person = await findPerson(trx, edit.person_id);
    if (!person) throw new NotFoundError(`no person with id ${edit.person_id}`);
    if (person.merged_into !== null) throw new EditRefused(`person ${person.id} was merged into ${person.merged_into}; propose the edit there`);
    const view = editView(edit);
    if (!sameValues(person, view.before)) throw new EditRefused(`${edit.field} changed since this edit was proposed; propose it again`);
    const now = new Date().toISOString();
    await writeFields(trx, person, edit.field, view.after, now);
    await keepFormerName(trx, person, edit.field);
    const event = await appendAudit(trx, db.dialect, {
      actor: user.username,
      action: 'person.edit',
      entity: 'person',
      entityId: person.id,
      after: { edit: edit.id, field: edit.field, proposedBy: edit.proposed_by, digest: valuesDigest(edit.salt, view.before, view.after) },
      at: now,
    });
    await updatePersonEdit(trx, edit.id, { state: 'applied', decided_by: user.username, decided_at: now, decision_reason: reason, applied_seq: event.seq });
    return { ...view, state: 'applied', decidedBy: user.username, seq: event.seq, version: person.version + 1 };
  });
}

/** Declines a pending edit (verifiers and admins; the proposer may withdraw their own). Nothing changes on the person. */
export async function declineEdit(db: Db, user: SessionUser, editId: string, reason: string): Promise<EditView> {
  authorize(user.role, 'person.edit.approve');
  return db.kysely.transaction().execute(async (trx) => declineWithin(trx, db.dialect, user.username, editId, reason));
}

/** Declines a pending edit inside the caller's transaction. */
export async function declineWithin(trx: Kysely<Database>, dialect: DialectName, actor: string, editId: string, reason: string): Promise<EditView> {
  const edit = await findPersonEdit(trx, editId);
  if (!edit) throw new NotFoundError(`no edit with id ${editId}`);
  if (edit.state !== 'pending') throw new EditRefused(`edit ${editId} is ${edit.state}, not pending`);
  const now = new Date().toISOString();
  await appendAudit(trx, dialect, { actor, action: 'person.edit.decline', entity: 'person', entityId: edit.person_id, after: { edit: edit.id, field: edit.field }, at: now });
  await updatePersonEdit(trx, edit.id, { state: 'declined', decided_by: actor, decided_at: now, decision_reason: reason });
  return { ...editView(edit), state: 'declined', decidedBy: actor };
}

/** Edits of confirmed persons waiting for a second reviewer, oldest first, each with its person. */
export async function pendingEdits(db: Db, user: SessionUser, query: { limit?: number; offset?: number }): Promise<(EditView & { summary: PersonSummary | null })[]> {
  authorize(user.role, 'queue.read');
  const q = pendingEditsQuerySchema.parse(query);
  const rows = await listPendingEdits(db.kysely, q.limit, q.offset);
  return Promise.all(rows.map(async (r) => {
    const p = await findPerson(db.kysely, r.person_id);
    return { ...editView(r), summary: p ? summarise(p) : null };
  }));
}
