import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type ChainedAuditEvent } from '../../core/audit/audit-chain.js';
import { createTestDb, testDialects, type TestDb } from '../testing.js';
import { appendAudit, listAudit } from './audit.repository.js';

describe.each(await testDialects())('audit log on %s', (dialect) => {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t?.dispose());

  it('chains events and verifies the clean log', async () => {
    const { db } = t!;
    for (let i = 0; i < 5; i++) {
      await appendAudit(db.kysely, db.dialect, { actor: 'u1', action: 'person.update', entity: 'person', entityId: `p${i}`, before: { rank: null }, after: { rank: 'рядовой' } });
    }
    const events = await listAudit(db.kysely);
    expect(events).toHaveLength(5);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(verifyAuditChain(events)).toMatchObject({ ok: true, length: 5 });
  });

  it('refuses UPDATE, DELETE through SQL (AUD-APPEND)', async () => {
    const { db } = t!;
    await expect(sql`UPDATE audit_events SET actor = 'mallory'`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(db.kysely)).rejects.toThrow(/append-only/);
    expect(await listAudit(db.kysely)).toHaveLength(5);
  });

  it('detects a modified, deleted, reordered and inserted event at the right seq', async () => {
    const events = await listAudit(t!.db.kysely);
    const modified = events.map((e, i): ChainedAuditEvent => (i === 2 ? { ...e, actor: 'mallory' } : e));
    expect(verifyAuditChain(modified)).toMatchObject({ ok: false, seq: events[2]?.seq });
    const deleted = events.filter((_, i) => i !== 1);
    expect(verifyAuditChain(deleted)).toMatchObject({ ok: false, seq: events[2]?.seq });
    const e3 = events[3]!;
    const e2 = events[2]!;
    const reordered = [events[0]!, events[1]!, { ...e3, seq: e2.seq }, { ...e2, seq: e3.seq }, events[4]!];
    expect(verifyAuditChain(reordered)).toMatchObject({ ok: false, seq: e2.seq });
    const forged: ChainedAuditEvent = { ...e2, id: 'forged', seq: e2.seq + 0.5 };
    const inserted = [...events.slice(0, 3), forged, ...events.slice(3)];
    expect(verifyAuditChain(inserted)).toMatchObject({ ok: false, seq: forged.seq });
  });
});
