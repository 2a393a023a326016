import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { insertDecisionNote } from '../../db/repositories/decision-note.repository.js';
import { listEditsBy } from '../../db/repositories/person-edit.repository.js';
import { findUserByUsername } from '../../db/repositories/user.repository.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize } from '../auth/policy.js';
import { declineWithin, EditRefused } from './person-edit.service.js';
import type { BulkRevertResult } from './person-edit.schemas.js';
import { revertEditWithin } from './person-revert.service.js';
import { NotFoundError } from './person.service.js';

/**
 * Reverts every field edit one account made that is still in force, newest first, and declines its edits still
 * waiting for a second reviewer (REV-4EYES: "all edits by one account can be reverted in bulk"). Admins only.
 * One transaction: all of it or none. An edit whose field someone else changed since is skipped and reported,
 * never overwritten. Each revert is audited, and so is the bulk revert itself (its reason in a decision note).
 */
export async function revertEditsBy(db: Db, user: SessionUser, account: string, reason: string): Promise<BulkRevertResult> {
  authorize(user.role, 'person.revert.bulk');
  const username = account.trim().toLowerCase();
  if (!(await findUserByUsername(db.kysely, username))) throw new NotFoundError(`no account named ${username}`);
  return db.kysely.transaction().execute(async (trx) => {
    const result: Omit<BulkRevertResult, 'seq'> = { account: username, reverted: 0, declined: 0, skipped: [] };
    for (const edit of await listEditsBy(trx, username, ['pending'])) {
      await declineWithin(trx, db.dialect, user.username, edit.id, `bulk revert of ${username}'s edits: ${reason}`);
      result.declined++;
    }
    // Newest first, so each edit finds its field as the account left it. The list is read again after each
    // revert: reverting one of the account's reverts puts the edit it undid back in force, to be reverted too.
    const skipped = new Set<string>();
    for (;;) {
      const edit = (await listEditsBy(trx, username, ['applied'])).find((e) => !skipped.has(e.id));
      if (edit === undefined) break;
      try {
        await revertEditWithin(trx, db.dialect, user.username, edit, reason, true);
        result.reverted++;
      } catch (error) {
        if (!(error instanceof EditRefused || error instanceof NotFoundError)) throw error;
        skipped.add(edit.id);
        result.skipped.push({ edit: edit.id, person: edit.person_id, field: edit.field, seq: edit.applied_seq, reason: error.message });
      }
    }
    const note = await insertDecisionNote(trx, { action: 'user.revert_edits', entity: 'user', entity_id: username, reason, created_by: user.username, created_at: new Date().toISOString() });
    const event = await appendAudit(trx, db.dialect, {
      actor: user.username,
      action: 'user.revert_edits',
      entity: 'user',
      entityId: username,
      after: { reverted: result.reverted, declined: result.declined, skipped: result.skipped.length, note },
    });
    return { ...result, seq: event.seq };
  });
}
