import type { RawRow } from '../../core/linkage/dataset.js';
import type { PersonRow } from '../../db/repositories/person.repository.js';

/** A person as a linkage record (the register's as-given text; the engine derives its own keys). */
export function personAsRecord(p: PersonRow): RawRow {
  const row: Record<string, string> = { record_id: p.id };
  const put = (k: string, v: string | null): void => {
    if (v !== null && v !== '') row[k] = v;
  };
  put('surname', p.surname);
  put('given_name', p.given_name);
  put('patronymic', p.patronymic);
  if (p.surname === null && p.given_name === null) put('full_name', p.full_name);
  put('birth_date', p.birth_date_text);
  put('age', p.age_text);
  put('region', p.region_text);
  put('death_date', p.death_date_text);
  put('death_place', p.death_place);
  // Service facts weigh in linkage (rank, unit, recruitment category, place of death); an unknown category says nothing.
  put('category', p.category_text ?? (p.category === 'unknown' ? null : p.category));
  put('rank', p.rank);
  put('unit', p.unit);
  return row;
}
