import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { ForbiddenError } from '../auth/policy.js';
import { NotFoundError } from '../person/person.service.js';
import { addClaimToPerson, createPersonWithClaim, createSource, getSourceFor, IntakeInvalid } from './intake.service.js';

const as = (role: SessionUser['role'], username = `u-${role}`): SessionUser => ({ id: username, username, displayName: username, role });
const carl = as('contributor', 'carl');
const vera = as('verifier', 'vera');

describe.each(await testDialects())('intake service on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  it('refuses viewers (deny by default) and audits each write with the account as actor', async () => {
    await expect(createSource(t.db, as('viewer'), { kind: 'obituary', url: 'https://example.org/a' })).rejects.toBeInstanceOf(ForbiddenError);
    const source = await createSource(t.db, carl, { kind: 'local_media', url: 'https://example.org/b' });
    const { person } = await createPersonWithClaim(t.db, carl, { sourceId: source.id, full_name: 'Petrov Pyotr Petrovich' });
    const events = await listAudit(t.db.kysely);
    expect(events.map((e) => [e.action, e.actor, e.entityId])).toEqual([['source.add', 'carl', source.id], ['person.add', 'carl', person]]);
  });

  it('keeps contributors to their own unconfirmed drafts', async () => {
    const source = await createSource(t.db, carl, { kind: 'obituary', url: 'https://example.org/c' });
    await expect(getSourceFor(t.db, as('contributor', 'dana'), source.id)).rejects.toBeInstanceOf(NotFoundError);
    const { person } = await createPersonWithClaim(t.db, carl, { sourceId: source.id, surname: 'Sidorov' });
    await addClaimToPerson(t.db, carl, person, { sourceId: source.id, rank: 'private' });
    await t.db.kysely.updateTable('persons').set({ verification: 'confirmed' }).where('id', '=', person).execute();
    await expect(addClaimToPerson(t.db, carl, person, { sourceId: source.id, rank: 'sergeant' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addClaimToPerson(t.db, as('contributor', 'dana'), person, { sourceId: source.id, rank: 'sergeant' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await addClaimToPerson(t.db, vera, person, { sourceId: source.id, rank: 'sergeant' })).person).toBe(person);
    const claims = await t.db.kysely.selectFrom('claims').select('rank').where('person_id', '=', person).orderBy('created_at').orderBy('id').execute();
    expect(claims.map((c) => c.rank).sort()).toEqual([null, 'private', 'sergeant']);
  });

  it('refuses a new person without a name, naming the field, and writes nothing', async () => {
    const source = await createSource(t.db, vera, { kind: 'obituary', url: 'https://example.org/d' });
    const before = (await listAudit(t.db.kysely)).length;
    await expect(createPersonWithClaim(t.db, vera, { sourceId: source.id, unit: '1st battalion' })).rejects.toThrow(IntakeInvalid);
    await expect(createPersonWithClaim(t.db, vera, { sourceId: source.id, unit: '1st battalion' })).rejects.toThrow(/^full_name:/);
    expect((await listAudit(t.db.kysely)).length).toBe(before);
  });
});
