import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../core/verification/confirmation-rule.js';
import { mergePersons } from '../../services/review/merge.service.js';
import { seedPerson } from '../../services/testing/seed.js';
import { decide } from '../../services/verification/verification.service.js';
import { createTestDb, testDialects, type TestDb } from '../testing.js';
import { listConfirmedSources } from './release.repository.js';

describe.each(await testDialects())('release sources on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  it('lists the sources a merged duplicate brought under the confirmed person, never under the merged one', async () => {
    const kept = await seedPerson(t.db, { author: 'anna', kind: 'leaked_registry' });
    const duplicate = await seedPerson(t.db, { author: 'vera', kind: 'grave_photo' });
    const unconfirmed = await seedPerson(t.db, { author: 'anna', kind: 'local_media' });
    await mergePersons(t.db, { keep: kept, merge: duplicate, actor: 'boris', reason: 'same man' });
    await decide(t.db, DEFAULT_RULE, { personId: kept, decision: 'confirmed', reason: 'the grave photo', actor: 'boris' });
    const sources = await listConfirmedSources(t.db.kysely);
    expect(sources.filter((s) => s.person_id === kept).map((s) => s.kind).sort()).toEqual(['grave_photo', 'leaked_registry']);
    expect(sources.some((s) => s.person_id === duplicate || s.person_id === unconfirmed)).toBe(false);
  });
});
