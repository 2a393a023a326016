import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../core/verification/confirmation-rule.js';
import { verifyAuditChain } from '../../core/audit/audit-chain.js';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { listVerifications } from '../../db/repositories/verification.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { seedPerson } from '../testing/seed.js';
import { mergePersons } from '../review/merge.service.js';
import { backlog, decide } from './verification.service.js';

describe.each(await testDialects())('verification on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  it('a second person confirms a reported death; the decision and its reason are audited', async () => {
    const id = await seedPerson(t.db, { author: 'anna', kind: 'relative_post' });
    expect((await backlog(t.db, {})).map((p) => p.id)).toContain(id);
    await decide(t.db, DEFAULT_RULE, { personId: id, decision: 'confirmed', reason: 'sister’s post with photo of the funeral', actor: 'boris' });
    expect((await findPerson(t.db.kysely, id))?.verification).toBe('confirmed');
    expect((await backlog(t.db, {})).map((p) => p.id)).not.toContain(id);
    const [v] = await listVerifications(t.db.kysely, id);
    expect(v).toMatchObject({ from_state: 'reported', to_state: 'confirmed', decided_by: 'boris', rule_version: DEFAULT_RULE.version });
    const events = await listAudit(t.db.kysely, { entity: 'person', entityId: id });
    expect(events.map((e) => e.action)).toEqual(['person.confirm']);
    expect(verifyAuditChain(await listAudit(t.db.kysely)).ok).toBe(true);
  });

  it('refuses self-confirmation, and leaves the person reported (REV-4EYES)', async () => {
    const id = await seedPerson(t.db, { author: 'anna', kind: 'local_media' });
    await expect(decide(t.db, DEFAULT_RULE, { personId: id, decision: 'confirmed', reason: 'I checked it myself', actor: 'anna' })).rejects.toThrow(/second person/);
    expect((await findPerson(t.db.kysely, id))?.verification).toBe('reported');
    expect(await listVerifications(t.db.kysely, id)).toHaveLength(0);
  });

  it('a leaked roster alone does not confirm; it can be rejected with a reason', async () => {
    const id = await seedPerson(t.db, { author: 'anna', kind: 'leaked_registry' });
    await expect(decide(t.db, DEFAULT_RULE, { personId: id, decision: 'confirmed', reason: 'in the leaked list', actor: 'boris' })).rejects.toThrow(/qualifying source/);
    await expect(decide(t.db, DEFAULT_RULE, { personId: id, decision: 'rejected', reason: '' , actor: 'boris' })).rejects.toThrow(/reason/);
    await decide(t.db, DEFAULT_RULE, { personId: id, decision: 'rejected', reason: 'relatives say he is alive', actor: 'boris' });
    expect((await findPerson(t.db.kysely, id))?.verification).toBe('rejected');
  });

  it('counts the sources a merged duplicate brought, and their authors', async () => {
    const kept = await seedPerson(t.db, { author: 'anna', kind: 'leaked_registry' });
    const duplicate = await seedPerson(t.db, { author: 'vera', kind: 'grave_photo' });
    await mergePersons(t.db, { keep: kept, merge: duplicate, actor: 'boris', reason: 'same man' });
    await expect(decide(t.db, DEFAULT_RULE, { personId: kept, decision: 'confirmed', reason: 'the grave photo', actor: 'vera' })).rejects.toThrow(/second person/);
    await decide(t.db, DEFAULT_RULE, { personId: kept, decision: 'confirmed', reason: 'the grave photo', actor: 'boris' });
    expect((await findPerson(t.db.kysely, kept))?.verification).toBe('confirmed');
  });

  it('filters the backlog by region, category and source kind', async () => {
    const id = await seedPerson(t.db, { author: 'anna', kind: 'grave_photo', person: { region_code: 'RU-BU', category: 'prisoner' } });
    expect((await backlog(t.db, { region: 'RU-BU' })).map((p) => p.id)).toEqual([id]);
    expect((await backlog(t.db, { category: 'prisoner', sourceKind: 'grave_photo' })).map((p) => p.id)).toEqual([id]);
    expect(await backlog(t.db, { region: 'RU-BU', sourceKind: 'relative_post' })).toEqual([]);
  });
});
