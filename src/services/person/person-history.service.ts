import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AuditEvent } from '../../db/repositories/audit.repository.js';
import { findDecisionNotes } from '../../db/repositories/decision-note.repository.js';
import { listEditsOfPerson, type PersonEditRow } from '../../db/repositories/person-edit.repository.js';
import { findPerson, type PersonRow } from '../../db/repositories/person.repository.js';
import { listVerifications } from '../../db/repositories/verification.repository.js';
import type { Database } from '../../db/schema.js';
import { getPersonFor } from '../auth/access.service.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { can } from '../auth/policy.js';
import type { EditView } from './person-edit.schemas.js';
import { editView } from './person-edit.service.js';
import { DECISION_ACTIONS, editRevertBlocker, FIELD_CHANGE_ACTIONS } from './person-revert.service.js';

/** An audit event of a person's history, with whether this account can revert it now (and why not). */
export type HistoryEvent = AuditEvent & {
  revertible: boolean;
  /** Why it cannot be reverted (absent when it can). */
  revertNote?: string;
  /** For field edits: the field, its values before and after, and the edit's state (kept out of the audit log). */
  change?: EditView;
  /** The reason the actor typed for this step, read from the row that keeps it (kept out of the audit log). */
  reason?: string;
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function mergeBlocker(db: Kysely<Database>, event: AuditEvent): Promise<string | null> {
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (event.action === 'person.merge') {
    const merged = str(after.merged);
    const p = merged === null ? undefined : await findPerson(db, merged);
    return p?.merged_into === event.entityId ? null : 'this merge was already undone';
  }
  const split = str(after.person);
  const [a, b] = [event.entityId === null ? undefined : await findPerson(db, event.entityId), split === null ? undefined : await findPerson(db, split)];
  return a?.merged_into == null && b !== undefined && b.merged_into === null ? null : 'the split-off person was merged since';
}

/** Where an event's reason is kept: the person's edits, verification decisions and decision notes, by id. */
interface ReasonRows {
  edits: Map<string, PersonEditRow>;
  decisions: Map<string, string>;
  notes: Map<string, string>;
}

/** The reason typed for an event; events written before AUD-PRIV carried it themselves. */
function reasonOf(event: AuditEvent, rows: ReasonRows): string | null {
  const after = (event.after ?? {}) as Record<string, unknown>;
  const id = (key: string): string => str(after[key]) ?? '';
  const edit = rows.edits.get(id('edit'));
  switch (event.action) {
    case 'person.edit.propose':
      return edit?.reason ?? str(after.reason);
    case 'person.edit':
    case 'person.revert':
      // An approved proposal: the approver's reason (the proposer's is in `change`).
      return (edit?.propose_seq == null ? edit?.reason : edit.decision_reason) ?? str(after.approval) ?? str(after.reason);
    case 'person.edit.decline':
      return edit?.decision_reason ?? str(after.reason);
    default:
      return rows.decisions.get(id('decision')) ?? rows.notes.get(id('note')) ?? str(after.reason);
  }
}

async function reasonRows(db: Kysely<Database>, personId: string, events: readonly AuditEvent[], edits: readonly PersonEditRow[]): Promise<ReasonRows> {
  const noteIds = events.map((e) => str(((e.after ?? {}) as Record<string, unknown>).note)).filter((n): n is string => n !== null);
  const [decisions, notes] = [await listVerifications(db, personId), await findDecisionNotes(db, noteIds)];
  return {
    edits: new Map(edits.map((e) => [e.id, e])),
    decisions: new Map(decisions.map((d) => [d.id, d.reason])),
    notes: new Map([...notes].map(([k, n]) => [k, n.reason])),
  };
}

async function blockerOf(db: Kysely<Database>, event: AuditEvent, edit: PersonEditRow | undefined, person: PersonRow): Promise<string | null> {
  if (FIELD_CHANGE_ACTIONS.includes(event.action)) return edit === undefined ? 'no field change recorded' : editRevertBlocker(db, edit, person);
  if (event.action === 'person.merge' || event.action === 'person.split') return mergeBlocker(db, event);
  if (DECISION_ACTIONS.includes(event.action)) return 'a decision is changed by a new decision, not reverted';
  return 'this kind of event is not reverted';
}

/**
 * A person's history (the audit events, oldest first, as GET /api/persons/:id/history has always shown them)
 * with `revertible` and `revertNote` for this account, each field edit's values in `change`, and each step's
 * `reason` from the row that keeps it.
 */
export async function personHistoryFor(db: Db, user: SessionUser, personId: string): Promise<HistoryEvent[]> {
  const detail = await getPersonFor(db, user, personId);
  const edits = await listEditsOfPerson(db.kysely, personId);
  const bySeq = new Map<number, PersonEditRow>();
  for (const e of edits) {
    if (e.applied_seq !== null) bySeq.set(e.applied_seq, e);
    if (e.propose_seq !== null) bySeq.set(e.propose_seq, e);
  }
  const mayRevert = can(user.role, 'person.revert');
  const rows = await reasonRows(db.kysely, personId, detail.history, edits);
  return Promise.all(
    detail.history.map(async (event): Promise<HistoryEvent> => {
      const edit = bySeq.get(event.seq);
      const blocker = mayRevert ? await blockerOf(db.kysely, event, edit, detail.person) : 'only verifiers and admins revert';
      const reason = reasonOf(event, rows);
      return {
        ...event,
        revertible: blocker === null,
        ...(blocker === null ? {} : { revertNote: blocker }),
        ...(edit === undefined ? {} : { change: editView(edit) }),
        ...(reason === null ? {} : { reason }),
      };
    }),
  );
}
