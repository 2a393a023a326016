import { normaliseCategory } from '../../core/categories/category.js';
import { parseAge, parsePartialDate } from '../../core/dates/partial-date.js';
import { personNameKeys } from '../../core/names/search-key.js';
import { CATEGORIES, PERSON_STATUSES } from '../../core/record/record.schemas.js';
import { resolveRegion } from '../../core/regions/resolve-region.js';
import { normaliseSex } from '../../core/sources/index.js';
import type { PersonRow } from '../../db/repositories/person.repository.js';

// A person's editable fields, each with the persons columns it sets, read with the normalisers an import
// uses. A field edit corrects the normalised person; the claims (what each source said) never change.

/** The fields of a person a verifier (or a contributor, on their own draft) may correct. */
export const EDITABLE_FIELDS = [
  'surname',
  'given_name',
  'patronymic',
  'full_name',
  'sex',
  'birth_date',
  'age',
  'region',
  'death_date',
  'death_place',
  'category',
  'rank',
  'unit',
  'status',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

type Column = Exclude<keyof PersonRow, 'version'>;
/** The columns of one field, with their values. */
export type FieldValues = Partial<Record<Column, string | null>>;

const NAME_FIELDS = ['surname', 'given_name', 'patronymic', 'full_name'] as const;

/** The persons columns each field sets (a name change also recomputes the name key: see withNameKey). */
export const FIELD_COLUMNS: Record<EditableField, readonly Column[]> = {
  surname: ['surname'],
  given_name: ['given_name'],
  patronymic: ['patronymic'],
  full_name: ['full_name'],
  sex: ['sex'],
  birth_date: ['birth_date_text', 'birth_precision', 'birth_from', 'birth_to'],
  age: ['age_text'],
  region: ['region_text', 'region_code'],
  death_date: ['death_date_text', 'death_precision', 'death_from', 'death_to'],
  death_place: ['death_place'],
  category: ['category_text', 'category'],
  rank: ['rank'],
  unit: ['unit'],
  status: ['status'],
};

/** A value the normalisers cannot take; the message names the field (HTTP 400). */
export class FieldValueInvalid extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** The current values of a field's columns. */
export function fieldSnapshot(person: PersonRow, field: EditableField): FieldValues {
  const out: FieldValues = {};
  for (const column of FIELD_COLUMNS[field]) {
    const v = person[column];
    out[column] = v;
  }
  return out;
}

/** Whether a person's field columns hold exactly these values. */
export function sameValues(person: PersonRow, values: FieldValues): boolean {
  return Object.entries(values).every(([column, v]) => {
    const current = person[column as Column];
    return current === v;
  });
}

const quote = (v: string): string => `"${v.length > 40 ? `${v.slice(0, 39)}…` : v}"`;

function date(field: 'birth_date' | 'death_date', prefix: 'birth' | 'death', value: string | null): FieldValues {
  if (value === null) return { [`${prefix}_date_text`]: null, [`${prefix}_precision`]: 'unknown', [`${prefix}_from`]: null, [`${prefix}_to`]: null };
  const d = parsePartialDate(value);
  if (d.precision === 'unknown') throw new FieldValueInvalid(field, `${quote(value)} is not a date Reckon can read (e.g. 2023-03-12, 12.03.2023, март 2023, 2023)`);
  return { [`${prefix}_date_text`]: value, [`${prefix}_precision`]: d.precision, [`${prefix}_from`]: d.from, [`${prefix}_to`]: d.to };
}

/**
 * The values to write for a change of some of a person's columns: when a name changes, the name key is
 * recomputed as an import computes it. Throws when the change would leave the person without any name.
 */
export function withNameKey(person: PersonRow, field: string, values: FieldValues): FieldValues {
  if (!NAME_FIELDS.some((f) => f in values)) return values;
  const names = { surname: person.surname, given_name: person.given_name, patronymic: person.patronymic, full_name: person.full_name, ...values };
  if (NAME_FIELDS.every((f) => (names[f] ?? null) === null)) throw new FieldValueInvalid(field, 'a person needs a name: this would leave none');
  return { ...values, ...personNameKeys(names) };
}

/**
 * The column values a field takes for a typed value (trimmed; null or empty clears it), read with the
 * import's normalisers. Throws FieldValueInvalid naming the field when the value cannot be read.
 * @example fieldValues(person, 'region', 'Свердловская обл.') // { region_text: 'Свердловская обл.', region_code: 'RU-SVE' }
 */
export function fieldValues(person: PersonRow, field: EditableField, raw: string | null): FieldValues {
  const value = raw === null || raw.trim() === '' ? null : raw.trim();
  switch (field) {
    case 'surname':
    case 'given_name':
    case 'patronymic':
    case 'full_name':
      withNameKey(person, field, { [field]: value }); // refuses leaving no name at all
      return { [field]: value };
    case 'birth_date':
      return date(field, 'birth', value);
    case 'death_date':
      return date(field, 'death', value);
    case 'age':
      if (value !== null && parseAge(value) === null) throw new FieldValueInvalid(field, `${quote(value)} is not an age Reckon can read (e.g. 29, 29 лет, 29 years)`);
      return { age_text: value };
    case 'sex': {
      if (value === null) return { sex: null };
      const sex = normaliseSex(value);
      if (sex === null) throw new FieldValueInvalid(field, `${quote(value)} is not a sex Reckon can read (male, female, м, ж…)`);
      return { sex };
    }
    case 'region': {
      if (value === null) return { region_text: null, region_code: 'UNKNOWN' };
      const region = resolveRegion(value);
      if (!region.matched) throw new FieldValueInvalid(field, `region ${quote(value)} not recognised (a name, abbreviation or code such as RU-SVE; see docs/regions.md)`);
      return { region_text: value, region_code: region.code };
    }
    case 'category': {
      if (value === null) return { category_text: null, category: 'unknown' };
      const category = normaliseCategory(value);
      if (category === 'unknown' && value.toLowerCase() !== 'unknown') throw new FieldValueInvalid(field, `category ${quote(value)} not recognised (one of ${CATEGORIES.join(', ')}, or words such as мобилизованный)`);
      return { category_text: value, category };
    }
    case 'status': {
      const status = PERSON_STATUSES.find((s) => s === value?.toLowerCase());
      if (status === undefined) throw new FieldValueInvalid(field, `one of ${PERSON_STATUSES.join(', ')}`);
      return { status };
    }
    case 'death_place':
    case 'rank':
    case 'unit':
      return { [field]: value };
  }
}
