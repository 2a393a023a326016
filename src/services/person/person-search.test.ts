import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrator.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { createPersonWithClaim, createSource } from '../intake/intake.service.js';
import { editPerson } from './person-edit.service.js';
import { searchPersons } from './person.service.js';

// A name is found whatever script or transliteration it is typed in (the field's example from DESIGN.md:
// "Jevgenij Sjtjerbakov", "Yevgeny Shcherbakov" and "Щербаков Евгений" are one man). Other names synthetic.
const vera: SessionUser = { id: 'vera', username: 'vera', displayName: 'vera', role: 'verifier' };

describe.each(await testDialects())('name search across scripts on %s', (dialect) => {
  let t: TestDb;
  let cyrillic: string;
  let latin: string;
  const found = async (q: string): Promise<string[]> => (await searchPersons(t.db, { q })).map((p) => p.id).sort();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const source = (await createSource(t.db, vera, { kind: 'local_media', url: 'https://example.org/synthetic/search' })).id;
    const add = async (fields: Record<string, string>): Promise<string> => (await createPersonWithClaim(t.db, vera, { sourceId: source, ...fields })).person;
    cyrillic = await add({ surname: 'Щербаков', given_name: 'Евгений', patronymic: 'Петрович' });
    latin = await add({ full_name: 'Sintetov, Yevgeny' });
    await add({ surname: 'Щербакова', given_name: 'Евгения' });
    await add({ surname: 'Щербинин', given_name: 'Олег' });
  });
  afterAll(async () => t.dispose());

  it.each(['Yevgeny Shcherbakov', 'Jevgenij Sjtjerbakov', 'Shcherbakov Yevgeny', 'Shcherbakov, Evgenii', 'Щербаков Евгений', 'щербаков евг'])('"%s" finds Щербаков Евгений, not Щербакова Евгения', async (q) => {
    expect(await found(q)).toEqual([cyrillic]);
  });

  it('a surname typed in Latin finds it in Cyrillic, by prefix, with other names that start alike', async () => {
    expect(await found('Shcherbakov')).toHaveLength(2); // Щербаков and Щербакова
    expect(await found('Shcherbakov')).toContain(cyrillic);
    expect(await found('Shcherb')).toHaveLength(3);
  });

  it('pages through matches in both scripts without repeating or losing one', async () => {
    const source = (await createSource(t.db, vera, { kind: 'local_media', url: 'https://example.org/synthetic/paging' })).id;
    // Latin names sort before Cyrillic by name key, but not by canonical key: the page order is the name key's.
    for (const full_name of ['Sjtjerbakov Zakhar', 'Shcherbakov Yakov', 'Щербаков Адам', 'Щербаков Борис'])
      await createPersonWithClaim(t.db, vera, { sourceId: source, full_name });
    const all = (await searchPersons(t.db, { q: 'Shcherbakov', limit: 50 })).map((p) => p.id);
    expect(all).toHaveLength(6); // with Щербаков Евгений and Щербакова Евгения
    const paged: string[] = [];
    for (let offset = 0; offset < 6; offset++) paged.push(...(await searchPersons(t.db, { q: 'Shcherbakov', limit: 1, offset })).map((p) => p.id));
    expect(paged).toEqual(all);
  });

  it('a name part a later row of an import fills in is searchable in either script', async () => {
    const { importRecords } = await import('../import/import.service.js');
    // One person (same key): the first row gives the surname only, the second a given name in Latin letters.
    const rows = [
      { row: 2, record: { surname: 'Дополнин', extra: { key: 'p-1' } } },
      { row: 3, record: { surname: 'Dopolnin', given_name: 'Gleb', extra: { key: 'p-1' } } },
    ];
    await importRecords(t.db, rows, { actor: 'vera', fileName: 'synthetic.csv', fileSha256: 'c'.repeat(64), format: 'csv', personColumn: 'key' });
    const [person] = await searchPersons(t.db, { q: 'Дополнин' });
    expect(person?.name).toBe('Дополнин Gleb');
    expect((await searchPersons(t.db, { q: 'Дополнин Глеб' })).map((p) => p.id)).toEqual([person?.id]);
    expect((await searchPersons(t.db, { q: 'Dopolnin Gleb' })).map((p) => p.id)).toEqual([person?.id]);
  });

  it('a name typed in Cyrillic finds it written in Latin', async () => {
    expect(await found('Синтетов Евгений')).toEqual([latin]);
    expect(await found('Синтетов')).toEqual([latin]);
  });

  it('a corrected name is found by its new spelling in the other script (the old one stays an alias)', async () => {
    const person = await add2();
    expect(await found('Пробников')).toEqual([]);
    await editPerson(t.db, vera, person, { field: 'surname', value: 'Probnikov', reason: 'the grave photo reads so', version: 1 });
    expect(await found('Пробников')).toEqual([person]);
    expect(await found('Пробников Антон')).toEqual([person]);
    expect(await found('Проверкин Антон')).toEqual([person]);
  });

  async function add2(): Promise<string> {
    const source = (await createSource(t.db, vera, { kind: 'local_media', url: 'https://example.org/synthetic/search-2' })).id;
    return (await createPersonWithClaim(t.db, vera, { sourceId: source, surname: 'Проверкин', given_name: 'Антон' })).person;
  }
});

describe.each(await testDialects())('the canonical key of persons recorded before it existed on %s', (dialect) => {
  it('is filled by the migration, so they are found across scripts too', async () => {
    const t = await createTestDb(dialect, { upTo: '20261204130000-decision-notes' });
    try {
      const now = new Date().toISOString();
      const row = { surname: 'Старожилов', given_name: 'Фёдор', patronymic: null, full_name: null, name_key: 'старожилов федор', birth_precision: 'unknown', region_code: 'UNKNOWN', death_precision: 'unknown', category: 'unknown', status: 'dead', verification: 'reported', created_by: 'vera', created_at: now, updated_at: now };
      // 1,001 rows: the backfill reads in pages of 1,000.
      const ids = Array.from({ length: 1_001 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was before the migration
      const old = t.db.kysely as unknown as Kysely<any>;
      for (let i = 0; i < ids.length; i += 200) await old.insertInto('persons').values(ids.slice(i, i + 200).map((id) => ({ id, ...row }))).execute();
      await migrateToLatest(t.db);
      expect(await searchPersons(t.db, { q: 'Starozhilov Fyodor', limit: 5 })).toHaveLength(5);
      const keys = await t.db.kysely.selectFrom('persons').select('canon_key').distinct().execute();
      expect(keys.map((k) => k.canon_key)).toEqual(['starozhilov fedor']);
    } finally {
      await t.dispose();
    }
  });
});
