import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { toJson, type DialectName } from '../../db/dialect.js';
import { appendAudit, listAudit, type AuditEvent } from '../../db/repositories/audit.repository.js';
import { insertDecisionNote } from '../../db/repositories/decision-note.repository.js';
import { setMergedInto } from '../../db/repositories/linkage.repository.js';
import { findEditAppliedAt, findPendingRevertOf, findPersonEdit, insertPersonEdit, listLaterFieldEdits, updatePersonEdit, type PersonEditRow } from '../../db/repositories/person-edit.repository.js';
import { findPerson, type PersonRow } from '../../db/repositories/person.repository.js';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize } from '../auth/policy.js';
import { mergeWithin } from '../review/merge.service.js';
import { aliasesOnUnmerge } from './person-aliases.service.js';
import { EditRefused, editView, valuesDigest, writeFields } from './person-edit.service.js';
import { revertBodySchema, type RevertInput, type RevertResult } from './person-edit.schemas.js';
import { FieldValueInvalid, sameValues } from './person-fields.js';
import { NotFoundError } from './person.service.js';

// Undoing one event of a person's history. A field edit restores the values it replaced (unless the field
// changed again since); on a confirmed person that restore waits for a second reviewer like any edit (REV-4EYES),
// except in an admin's bulk revert. A merge is unmerged and a split merged back, at once (merging is a verifier's
// own call); a verification decision is never reverted (a new decision changes it). Each revert is itself an audited event; its reason is kept in the revert's
// person_edits row or in a decision note, never in the event (AUD-PRIV).

/** Actions that changed a field through person_edits. */
export const FIELD_CHANGE_ACTIONS: readonly string[] = ['person.edit', 'person.revert'];
/** Verification decisions: changed by a new decision, never reverted. */
export const DECISION_ACTIONS: readonly string[] = ['person.confirm', 'person.reject', 'person.dispute'];

/** The audit event with this seq, or undefined. */
export async function auditEventAt(db: Kysely<Database>, seq: number): Promise<AuditEvent | undefined> {
  const [event] = await listAudit(db, { afterSeq: seq - 1, limit: 1 });
  return event?.seq === seq ? event : undefined;
}

/** Why an applied field edit cannot be reverted now, or null when it can. */
export async function editRevertBlocker(db: Kysely<Database>, edit: PersonEditRow, person: PersonRow): Promise<string | null> {
  if (edit.state !== 'applied' || edit.applied_seq === null) return `this edit is ${edit.state}`;
  const later = await listLaterFieldEdits(db, edit.person_id, edit.field, edit.applied_seq);
  const laterIds = new Set(later.map((r) => r.id));
  // A later change is cancelled when it was reverted, or when it is itself the revert of a later change.
  const blocking = later.find((r) => r.state === 'applied' && !(r.kind === 'revert' && r.reverts !== null && laterIds.has(r.reverts)));
  if (blocking) return `${edit.field} changed again since, in event ${blocking.applied_seq ?? '?'} by ${blocking.proposed_by}; revert that first`;
  if (!sameValues(person, editView(edit).after)) {
    const [next] = await listAudit(db, { entity: 'person', entityId: person.id, afterSeq: edit.applied_seq, limit: 1 });
    return `${edit.field} no longer holds the value this edit set${next ? ` (changed after it, by event ${next.seq}: ${next.action})` : ''}; edit the field instead`;
  }
  return null;
}

/** The person of an applied edit, if that edit can be reverted now; else EditRefused naming why. */
async function revertTarget(trx: Kysely<Database>, edit: PersonEditRow): Promise<PersonRow> {
  const person = await findPerson(trx, edit.person_id);
  if (!person) throw new NotFoundError(`no person with id ${edit.person_id}`);
  if (person.merged_into !== null) throw new EditRefused(`person ${person.id} was merged into ${person.merged_into}; unmerge it first`);
  const blocker = await editRevertBlocker(trx, edit, person);
  if (blocker !== null) throw new EditRefused(blocker);
  return person;
}

/** Writes back the values `edit` replaced (optimistic lock on the person's version). */
async function restoreBefore(trx: Kysely<Database>, person: PersonRow, edit: PersonEditRow, now: string): Promise<void> {
  try {
    await writeFields(trx, person, edit.field, editView(edit).before, now);
  } catch (error) {
    if (error instanceof FieldValueInvalid) throw new EditRefused(error.message);
    throw error;
  }
}

/** Marks `edit` reverted by the revert `by`; reverting a revert puts the edit it undid back in force. */
async function settleReverted(trx: Kysely<Database>, edit: PersonEditRow, by: string): Promise<void> {
  await updatePersonEdit(trx, edit.id, { state: 'reverted', reverted_by: by });
  if (edit.kind === 'revert' && edit.reverts !== null) await updatePersonEdit(trx, edit.reverts, { state: 'applied', reverted_by: null });
}

/**
 * Reverts one applied field edit at once, inside the caller's transaction; returns the audit event written. Used
 * for unconfirmed persons and by the admins' bulk revert (the emergency brake, REV-4EYES' one exception).
 */
export async function revertEditWithin(trx: Kysely<Database>, dialect: DialectName, actor: string, edit: PersonEditRow, reason: string, bulk = false): Promise<AuditEvent> {
  const person = await revertTarget(trx, edit);
  const view = editView(edit);
  const now = new Date().toISOString();
  await restoreBefore(trx, person, edit, now);
  const id = newId();
  const salt = randomBytes(16).toString('hex');
  const event = await appendAudit(trx, dialect, {
    actor,
    action: 'person.revert',
    entity: 'person',
    entityId: person.id,
    after: { of: edit.applied_seq, edit: id, reverts: edit.id, field: edit.field, digest: valuesDigest(salt, view.after, view.before), ...(bulk ? { bulk: true } : {}) },
    at: now,
  });
  await insertPersonEdit(trx, {
    id, person_id: person.id, field: edit.field, kind: 'revert', reverts: edit.id, before: toJson(view.after) ?? '{}', after: toJson(view.before) ?? '{}', salt, reason,
    state: 'applied', proposed_by: actor, proposed_at: now, propose_seq: null, decided_by: null, decided_at: null, decision_reason: null, applied_seq: event.seq, reverted_by: null,
  });
  await settleReverted(trx, edit, id);
  return event;
}

/**
 * Proposes the revert of a field edit of a confirmed person (REV-4EYES: a revert edits a verified record): a
 * pending edit of kind 'revert' whose proposed values are the ones the edit replaced, for a second reviewer.
 */
async function proposeRevertWithin(trx: Kysely<Database>, dialect: DialectName, actor: string, edit: PersonEditRow, reason: string): Promise<PersonEditRow> {
  await revertTarget(trx, edit);
  const waiting = await findPendingRevertOf(trx, edit.id);
  if (waiting) throw new EditRefused(`a revert of this edit already waits for a second reviewer (edit ${waiting.id})`);
  const view = editView(edit);
  const now = new Date().toISOString();
  const id = newId();
  const salt = randomBytes(16).toString('hex');
  const event = await appendAudit(trx, dialect, {
    actor,
    action: 'person.edit.propose',
    entity: 'person',
    entityId: edit.person_id,
    after: { edit: id, field: edit.field, digest: valuesDigest(salt, view.after, view.before), reverts: edit.id, of: edit.applied_seq },
    at: now,
  });
  const row: PersonEditRow = {
    id, person_id: edit.person_id, field: edit.field, kind: 'revert', reverts: edit.id, before: toJson(view.after) ?? '{}', after: toJson(view.before) ?? '{}', salt, reason,
    state: 'pending', proposed_by: actor, proposed_at: now, propose_seq: event.seq, decided_by: null, decided_at: null, decision_reason: null, applied_seq: null, reverted_by: null,
  };
  await insertPersonEdit(trx, row);
  return row;
}

/**
 * Applies a pending revert a second reviewer approved (approveEdit checks who): the edit it undoes must still be
 * revertible, and the person unchanged since it was read, exactly as for a revert at once.
 */
export async function approveRevertWithin(trx: Kysely<Database>, dialect: DialectName, approver: string, pending: PersonEditRow, reason: string): Promise<{ seq: number; version: number }> {
  const edit = pending.reverts === null ? undefined : await findPersonEdit(trx, pending.reverts);
  if (!edit) throw new EditRefused(`edit ${pending.id} names no edit to revert`);
  const person = await revertTarget(trx, edit);
  const now = new Date().toISOString();
  await restoreBefore(trx, person, edit, now);
  const view = editView(pending);
  const event = await appendAudit(trx, dialect, {
    actor: approver,
    action: 'person.revert',
    entity: 'person',
    entityId: person.id,
    after: { of: edit.applied_seq, edit: pending.id, reverts: edit.id, field: edit.field, proposedBy: pending.proposed_by, digest: valuesDigest(pending.salt, view.before, view.after) },
    at: now,
  });
  await updatePersonEdit(trx, pending.id, { state: 'applied', decided_by: approver, decided_at: now, decision_reason: reason, applied_seq: event.seq });
  await settleReverted(trx, edit, pending.id);
  return { seq: event.seq, version: person.version + 1 };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Undoes a merge: the merged person stands alone again, and persons the merge re-pointed go back to it. */
async function revertMerge(trx: Kysely<Database>, dialect: DialectName, actor: string, event: AuditEvent, reason: string): Promise<RevertResult> {
  const after = (event.after ?? {}) as Record<string, unknown>;
  const merged = text(after.merged);
  const keep = event.entityId;
  const person = merged === null ? undefined : await findPerson(trx, merged);
  if (!person || keep === null) throw new EditRefused(`event ${event.seq} does not say which person was merged`);
  if (person.merged_into !== keep) throw new EditRefused(`person ${person.id} is no longer merged into ${keep}: this merge was already undone`);
  // Undone and merged again since: reverting this older event would undo the newer merge.
  const later = (await listAudit(trx, { entity: 'person', entityId: keep, afterSeq: event.seq })).find((e) => (e.action === 'person.merge' || e.action === 'person.unmerge' || e.action === 'person.split') && JSON.stringify([e.before, e.after]).includes(`"${person.id}"`));
  if (later) throw new EditRefused(`person ${person.id} was unmerged or merged again since (event ${later.seq}); revert that event instead`);
  const now = new Date().toISOString();
  await setMergedInto(trx, [person.id], null, now);
  const repointed: string[] = [];
  for (const id of Array.isArray(after.repointed) ? after.repointed.filter((x): x is string => typeof x === 'string') : []) {
    const r = await findPerson(trx, id);
    if (r?.merged_into === keep) repointed.push(id);
  }
  await setMergedInto(trx, repointed, person.id, now);
  await aliasesOnUnmerge(trx, keep, [person.id, ...repointed]);
  const note = await insertDecisionNote(trx, { action: 'person.unmerge', entity: 'person', entity_id: keep, reason, created_by: actor, created_at: now });
  const written = await appendAudit(trx, dialect, {
    actor, action: 'person.unmerge', entity: 'person', entityId: keep,
    before: { merged: person.id }, after: { restored: person.id, repointed, note, revertOf: event.seq }, at: now,
  });
  return { reverted: event.seq, action: 'person.unmerge', seq: written.seq, state: 'applied', detail: { restored: person.id, from: keep, repointed } };
}

/** Undoes a split: the split-off person is merged back into the person it was split from. */
async function revertSplit(trx: Kysely<Database>, dialect: DialectName, actor: string, event: AuditEvent, reason: string): Promise<RevertResult> {
  const split = text(((event.after ?? {}) as Record<string, unknown>).person);
  const from = event.entityId;
  if (split === null || from === null) throw new EditRefused(`event ${event.seq} does not say which person was split off`);
  const [a, b] = [await findPerson(trx, from), await findPerson(trx, split)];
  if (a?.merged_into != null || b?.merged_into != null) throw new EditRefused('one of these persons was merged since; undo that first, or merge them by hand');
  const merged = await mergeWithin(trx, dialect, { keep: from, merge: split, actor, reason: `${reason} (revert of event ${event.seq})` });
  // The merge just written is the kept person's newest event (the audit chain is locked until commit).
  const last = (await listAudit(trx, { entity: 'person', entityId: merged.kept, afterSeq: event.seq })).at(-1);
  return { reverted: event.seq, action: 'person.merge', seq: last?.seq ?? 0, state: 'applied', detail: { kept: merged.kept, merged: merged.merged } };
}

/** Undoes one event of a person's history (verifiers and admins). */
export async function revertEvent(db: Db, user: SessionUser, personId: string, input: RevertInput): Promise<RevertResult> {
  authorize(user.role, 'person.revert');
  const body = revertBodySchema.parse(input);
  return db.kysely.transaction().execute(async (trx) => {
    const event = await auditEventAt(trx, body.seq);
    if (!event || event.entity !== 'person' || event.entityId !== personId) throw new NotFoundError(`person ${personId} has no event ${body.seq} in its history`);
    if (FIELD_CHANGE_ACTIONS.includes(event.action)) {
      const edit = await findEditAppliedAt(trx, event.seq);
      if (!edit) throw new EditRefused(`event ${event.seq} holds no field change to revert`);
      if (edit.state === 'reverted') {
        const by = edit.reverted_by === null ? undefined : await findPersonEdit(trx, edit.reverted_by);
        throw new EditRefused(`this edit was already reverted${by?.applied_seq ? ` by event ${by.applied_seq}` : ''}`);
      }
      const detail = { field: edit.field, restored: editView(edit).before };
      if ((await findPerson(trx, personId))?.verification === 'confirmed') {
        const proposed = await proposeRevertWithin(trx, db.dialect, user.username, edit, body.reason);
        return { reverted: event.seq, action: 'person.edit.propose', seq: proposed.propose_seq ?? 0, state: 'pending', edit: proposed.id, detail };
      }
      const written = await revertEditWithin(trx, db.dialect, user.username, edit, body.reason);
      return { reverted: event.seq, action: 'person.revert', seq: written.seq, state: 'applied', detail };
    }
    if (event.action === 'person.merge') return revertMerge(trx, db.dialect, user.username, event, body.reason);
    if (event.action === 'person.split') return revertSplit(trx, db.dialect, user.username, event, body.reason);
    if (DECISION_ACTIONS.includes(event.action)) throw new EditRefused('a verification decision is not reverted: take a new decision (confirm, reject or dispute) with its reason');
    throw new EditRefused(`a ${event.action} event cannot be reverted${event.action === 'person.unmerge' ? ': merge the persons again instead' : ''}`);
  });
}
