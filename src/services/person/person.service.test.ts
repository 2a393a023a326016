import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { addAliases } from '../../db/repositories/alias.repository.js';
import { seedPerson } from '../testing/seed.js';
import { getPersonDetail, searchPersons } from './person.service.js';

describe.each(await testDialects())('name search on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await seedPerson(t.db, { author: 'anna', kind: 'local_media', person: { surname: 'Ёлкин', given_name: 'Пётр', name_key: 'елкин петр' } });
    await seedPerson(t.db, { author: 'anna', kind: 'local_media', person: { surname: 'Елкина', given_name: 'Анна', name_key: 'елкина анна' } });
    await seedPerson(t.db, { author: 'anna', kind: 'local_media', person: { surname: 'Зуев', given_name: 'Олег', name_key: 'зуев олег' } });
  });
  afterAll(async () => t.dispose());

  it('finds persons by the start of their name, any case, ё = е, in name order', async () => {
    expect((await searchPersons(t.db, { q: 'ЁЛКИН' })).map((p) => p.name)).toEqual(['Ёлкин Пётр Синтетич', 'Елкина Анна Синтетич']);
    expect((await searchPersons(t.db, { q: 'елкин п' })).map((p) => p.name)).toEqual(['Ёлкин Пётр Синтетич']);
    expect(await searchPersons(t.db, { q: 'олег' })).toEqual([]);
    expect(await searchPersons(t.db, { q: '%' })).toHaveLength(3); // nothing to search by: the plain listing
  });

  it('reads a query typed given name first again surname first when it finds nobody', async () => {
    expect((await searchPersons(t.db, { q: 'Олег Зуев' })).map((p) => p.name)).toEqual(['Зуев Олег Синтетич']);
    expect((await searchPersons(t.db, { q: 'Пётр Ёлкин', offset: 0, limit: 1 })).map((p) => p.name)).toEqual(['Ёлкин Пётр Синтетич']);
    expect(await searchPersons(t.db, { q: 'Олег Ёлкин' })).toEqual([]);
  });
});

describe.each(await testDialects())('name search with aliases on %s', (dialect) => {
  let t: TestDb;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb(dialect);
    for (const [surname, key] of [['Зайцев', 'зайцев пример синтетич'], ['Зимин', 'зимин пример синтетич'], ['Зорин', 'зорин пример синтетич'], ['Юдин', 'юдин пример синтетич']] as const) {
      ids[surname] = await seedPerson(t.db, { author: 'anna', kind: 'local_media', person: { surname, name_key: key } });
    }
    // Юдин is also known as "Зуев", twice over (from two origins); Зимин's alias repeats its own name key.
    await addAliases(t.db.kysely, [
      { person_id: ids['Юдин']!, alias: 'Зуев Пример', alias_key: 'зуев пример', kind: 'former', from_person_id: null, source_id: null, claim_id: null },
      { person_id: ids['Юдин']!, alias: 'Зуев П.', alias_key: 'зуев п', kind: 'merged', from_person_id: ids['Зайцев']!, source_id: null, claim_id: null },
      { person_id: ids['Зимин']!, alias: 'ЗИМИН Пример Синтетич', alias_key: 'зимин пример синтетич', kind: 'merged', from_person_id: ids['Зайцев']!, source_id: null, claim_id: null },
    ]);
  });
  afterAll(async () => t.dispose());

  it('finds a person by an alias once, in key order among the names, and pages without gaps or repeats', async () => {
    const names = async (q: string, limit: number, offset: number): Promise<string[]> => (await searchPersons(t.db, { q, limit, offset })).map((p) => p.name.split(' ')[0]!);
    expect(await names('з', 10, 0)).toEqual(['Зайцев', 'Зимин', 'Зорин', 'Юдин']);
    expect([...(await names('з', 2, 0)), ...(await names('з', 2, 2))]).toEqual(['Зайцев', 'Зимин', 'Зорин', 'Юдин']);
    expect(await names('з', 1, 3)).toEqual(['Юдин']);
    expect(await names('зуев', 10, 0)).toEqual(['Юдин']);
    expect((await getPersonDetail(t.db, ids['Зимин']!)).aliases).toEqual([]); // its own name is not another name
  });
});
