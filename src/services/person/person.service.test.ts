import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { seedPerson } from '../testing/seed.js';
import { searchPersons } from './person.service.js';

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
});
