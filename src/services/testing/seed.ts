import { newId } from '../../core/ids.js';
import type { SourceKind } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { insertClaims, insertSources } from '../../db/repositories/claim.repository.js';
import { insertPersons, type NewPerson } from '../../db/repositories/person.repository.js';

/** Test support: one synthetic person with one claim from a source of the given kind. */
export async function seedPerson(
  db: Db,
  options: { author: string; kind: SourceKind; person?: Partial<NewPerson>; sourceAuthor?: string },
): Promise<string> {
  const now = new Date().toISOString();
  const id = newId();
  const sourceId = newId();
  await insertPersons(db.kysely, [
    {
      id,
      surname: 'Тестов',
      given_name: 'Пример',
      patronymic: 'Синтетич',
      full_name: null,
      name_key: 'тестов пример синтетич',
      sex: 'male',
      birth_date_text: '1990',
      birth_precision: 'year',
      birth_from: '1990-01-01',
      birth_to: '1990-12-31',
      age_text: null,
      region_text: 'Свердловская обл.',
      region_code: 'RU-SVE',
      death_date_text: '2024-03-12',
      death_precision: 'day',
      death_from: '2024-03-12',
      death_to: '2024-03-12',
      death_place: null,
      category_text: 'мобилизованный',
      category: 'mobilised',
      rank: 'рядовой',
      unit: null,
      status: 'dead',
      verification: 'reported',
      merged_into: null,
      created_by: options.author,
      created_at: now,
      updated_at: now,
      ...options.person,
    },
  ]);
  await insertSources(db.kysely, [
    { id: sourceId, kind: options.kind, kind_text: options.kind, list: null, url: 'https://example.org/post/1', publisher: null, author: options.sourceAuthor ?? null, language: 'ru', published_at: '2024-03-15', captured_at: null, excerpt: null, reliability: null, sensitivity: 'public', import_id: null, created_by: options.author, created_at: now },
  ]);
  await insertClaims(db.kysely, [
    { id: newId(), person_id: id, source_id: sourceId, record_id: null, import_id: null, row_number: null, surname: 'Тестов', given_name: 'Пример', patronymic: null, full_name: null, sex: null, birth_date: '1990', age: null, region: 'Свердловская обл.', death_date: '2024-03-12', death_place: null, category: 'мобилизованный', rank: null, unit: null, status: null, extra: null, created_by: options.author, created_at: now },
  ]);
  return id;
}
