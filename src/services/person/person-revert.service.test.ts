import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { addUser } from '../auth/user.service.js';
import { ForbiddenError } from '../auth/policy.js';
import { seedPerson } from '../testing/seed.js';
import { revertEditsBy } from './bulk-revert.service.js';
import { approveEdit, declineEdit, editPerson, pendingEdits } from './person-edit.service.js';
import { personHistoryFor } from './person-history.service.js';
import { revertEvent } from './person-revert.service.js';

// REV-4EYES for reverts: undoing a field edit of a confirmed person changes a verified record, so it waits for a
// second reviewer like any edit of it; on an unconfirmed person it applies at once. Synthetic persons only.
const as = (role: SessionUser['role'], username: string): SessionUser => ({ id: username, username, displayName: username, role });
const vera = as('verifier', 'vera');
const boris = as('verifier', 'boris');
const admin = as('admin', 'root-admin');

describe.each(await testDialects())('reverting a field edit on %s', (dialect) => {
  let t: TestDb;
  const unitOf = async (id: string): Promise<string | null | undefined> => (await findPerson(t.db.kysely, id))?.unit;
  const version = async (id: string): Promise<number> => (await findPerson(t.db.kysely, id))?.version ?? -1;
  /** A person whose unit an approved edit set to `unit` (on a confirmed person, boris approves vera's proposal). */
  const edited = async (verification: string, unit: string): Promise<{ id: string; seq: number }> => {
    const id = await seedPerson(t.db, { author: 'someone', kind: 'local_media', person: { verification } });
    let result = await editPerson(t.db, vera, id, { field: 'unit', value: unit, reason: 'the synthetic list names the unit', version: await version(id) });
    if (result.state === 'pending') result = await approveEdit(t.db, boris, result.edit, 'checked against the synthetic list');
    return { id, seq: result.seq ?? -1 };
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await addUser(t.db, { username: 'vera', role: 'verifier', password: 'synthetic passphrase for a verifier', actor: 'test', scrypt: { N: 1024, r: 8, p: 1 } });
  });
  afterAll(async () => t.dispose());

  it('on a confirmed person only proposes the revert: nothing changes, the proposer cannot approve it, a second verifier applies it', async () => {
    const { id, seq } = await edited('confirmed', 'synthetic unit 12');
    const proposed = await revertEvent(t.db, vera, id, { seq, reason: 'the list meant another man' });
    expect(proposed).toMatchObject({ reverted: seq, state: 'pending', detail: { field: 'unit', restored: { unit: null } } });
    expect(await unitOf(id)).toBe('synthetic unit 12');
    const queued = (await pendingEdits(t.db, boris, {})).find((e) => e.edit === proposed.edit);
    expect(queued).toMatchObject({ person: id, kind: 'revert', state: 'pending', before: { unit: 'synthetic unit 12' }, after: { unit: null }, reason: 'the list meant another man', proposedBy: 'vera' });
    // The same edit cannot be proposed for revert twice while one waits.
    await expect(revertEvent(t.db, boris, id, { seq, reason: 'the list meant another man' })).rejects.toThrow(/already waits for a second reviewer/);

    await expect(approveEdit(t.db, vera, proposed.edit ?? '', 'I checked it myself')).rejects.toThrow(ForbiddenError);
    expect(await unitOf(id)).toBe('synthetic unit 12');

    const approved = await approveEdit(t.db, boris, proposed.edit ?? '', 'the unit list agrees');
    expect(approved).toMatchObject({ kind: 'revert', state: 'applied', decidedBy: 'boris' });
    expect(await unitOf(id)).toBeNull();
    expect(await version(id)).toBe(approved.version);
    const history = await personHistoryFor(t.db, admin, id);
    const original = history.find((e) => e.seq === seq);
    expect(original?.change?.state).toBe('reverted');
    const revert = history.find((e) => e.action === 'person.revert');
    expect(revert).toMatchObject({ actor: 'boris', seq: approved.seq, reason: 'the unit list agrees', revertible: true, change: { proposedBy: 'vera', reason: 'the list meant another man' } });
    // The revert is a field change like the others: reverting it is again a proposal.
    const again = await revertEvent(t.db, boris, id, { seq: approved.seq ?? -1, reason: 'the unit was right after all' });
    expect(again.state).toBe('pending');
    expect(await unitOf(id)).toBeNull();
  });

  it('checks at approval time that the field still holds the value the edit set', async () => {
    const { id, seq } = await edited('confirmed', 'synthetic unit 3');
    const proposed = await revertEvent(t.db, vera, id, { seq, reason: 'a typo in the unit' });
    const other = await editPerson(t.db, admin, id, { field: 'unit', value: 'synthetic unit 4', reason: 'another source', version: await version(id) });
    await approveEdit(t.db, boris, other.edit, 'that source is better');
    await expect(approveEdit(t.db, boris, proposed.edit ?? '', 'late approval')).rejects.toThrow(/changed again since/);
    expect(await unitOf(id)).toBe('synthetic unit 4');
    const declined = await declineEdit(t.db, boris, proposed.edit ?? '', 'overtaken by the newer edit');
    expect(declined.state).toBe('declined');
  });

  it('on an unconfirmed person applies the revert at once', async () => {
    const { id, seq } = await edited('reported', 'synthetic unit 5');
    const done = await revertEvent(t.db, vera, id, { seq, reason: 'wrong unit' });
    expect(done).toMatchObject({ action: 'person.revert', state: 'applied' });
    expect(await unitOf(id)).toBeNull();
  });

  it("an admin's bulk revert stays immediate on a confirmed person, declines the account's proposed reverts, and is audited", async () => {
    const { id, seq } = await edited('confirmed', 'synthetic unit 8');
    const other = await edited('confirmed', 'synthetic unit 9');
    const proposal = await revertEvent(t.db, vera, other.id, { seq: other.seq, reason: 'maybe wrong' });
    const before = (await listAudit(t.db.kysely)).at(-1)?.seq ?? 0;
    const bulk = await revertEditsBy(t.db, admin, 'vera', 'synthetic drill');
    expect(bulk.declined).toBeGreaterThanOrEqual(1);
    expect(await unitOf(id)).toBeNull();
    expect(await unitOf(other.id)).toBeNull();
    const events = (await listAudit(t.db.kysely, { afterSeq: before })).map((e) => e.action);
    expect(events).toContain('person.revert');
    expect(events.at(-1)).toBe('user.revert_edits');
    expect((await personHistoryFor(t.db, admin, id)).find((e) => e.seq === seq)?.change?.state).toBe('reverted');
    expect((await pendingEdits(t.db, boris, { limit: 500 })).map((e) => e.edit)).not.toContain(proposal.edit);
  });
});
