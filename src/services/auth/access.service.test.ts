import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { createPersonWithClaim, createSource } from '../intake/intake.service.js';
import type { SessionUser } from './auth.schemas.js';
import { listPersonsFor } from './access.service.js';

// A contributor reads only the persons they recorded, and searches and filters them like everyone else.
// Synthetic, fictional names only.
const as = (role: SessionUser['role'], username: string): SessionUser => ({ id: username, username, displayName: username, role });
const kira = as('contributor', 'kira');
const lev = as('contributor', 'lev');
const viktor = as('viewer', 'viktor');

describe.each(await testDialects())('the person list per account on %s', (dialect) => {
  let t: TestDb;
  const names = async (user: SessionUser, query: Parameters<typeof listPersonsFor>[2]): Promise<string[]> => (await listPersonsFor(t.db, user, query)).map((p) => p.name).sort();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    for (const [user, people] of [
      [kira, ['Поисков Пётр', 'Поисков Павел', 'Другов Денис']],
      [lev, ['Поисков Прохор']],
    ] as const) {
      const source = (await createSource(t.db, user, { kind: 'local_media', url: `https://example.org/synthetic/${user.username}` })).id;
      for (const full_name of people) await createPersonWithClaim(t.db, user, { sourceId: source, full_name, region: full_name.startsWith('Другов') ? 'Бурятия' : 'Тыва' });
    }
  });
  afterAll(async () => t.dispose());

  it('a contributor’s name search finds only their own matching records', async () => {
    expect(await names(kira, {})).toEqual(['Другов Денис', 'Поисков Павел', 'Поисков Пётр']);
    expect(await names(kira, { q: 'Поисков' })).toEqual(['Поисков Павел', 'Поисков Пётр']);
    expect(await names(kira, { q: 'Поисков Пе' })).toEqual(['Поисков Пётр']);
    expect(await names(lev, { q: 'Поисков' })).toEqual(['Поисков Прохор']);
    expect(await names(kira, { q: 'Нетакой' })).toEqual([]);
  });

  it('a contributor’s filters apply to their own records', async () => {
    expect(await names(kira, { region: 'RU-BU' })).toEqual(['Другов Денис']);
    expect(await names(kira, { region: 'RU-TY', q: 'Поисков П' })).toEqual(['Поисков Павел', 'Поисков Пётр']);
    expect(await names(kira, { limit: 1, offset: 0, q: 'Поисков' })).toHaveLength(1);
  });

  it('a viewer finds everyone’s', async () => {
    expect(await names(viktor, { q: 'Поисков' })).toEqual(['Поисков Павел', 'Поисков Прохор', 'Поисков Пётр']);
  });
});
