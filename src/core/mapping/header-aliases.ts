import type { RecordColumn } from '../record/record.schemas.js';

/** Folds a header for comparison: case, ё, punctuation and spacing do not matter. */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\s_\-./\\,:;()[\]"'«»№#*]+/gu, ' ')
    .trim();
}

type AliasTable = Record<RecordColumn, readonly string[]>;

/** Headers that name a record column without doubt. Written loosely: each is folded with `headerKey`. */
const STRONG: AliasTable = {
  record_id: ['record id', 'record_id', 'id записи', 'номер записи'],
  list: ['list', 'список', 'source list'],
  source_kind: ['source kind', 'source type', 'kind of source', 'тип источника', 'вид источника'],
  source_url: ['source url', 'url', 'link', 'source link', 'ссылка', 'ссылка на источник', 'адрес источника'],
  published_at: ['published at', 'published', 'publication date', 'date published', 'дата публикации'],
  surname: ['surname', 'last name', 'lastname', 'family name', 'фамилия'],
  given_name: ['given name', 'first name', 'firstname', 'forename', 'имя'],
  patronymic: ['patronymic', 'middle name', 'отчество'],
  full_name: ['full name', 'fullname', 'фио', 'ф и о', 'фамилия имя отчество', 'полное имя'],
  sex: ['sex', 'gender', 'пол'],
  birth_date: ['birth date', 'date of birth', 'dob', 'born', 'дата рождения', 'д р', 'год рождения', 'birth year'],
  age: ['age', 'возраст', 'age at death', 'возраст на момент гибели'],
  region: ['region', 'регион', 'субъект', 'субъект рф', 'область', 'home region'],
  death_date: ['death date', 'date of death', 'dod', 'died', 'дата смерти', 'дата гибели'],
  death_place: ['death place', 'place of death', 'место смерти', 'место гибели'],
  category: ['category', 'recruitment category', 'категория'],
  rank: ['rank', 'military rank', 'звание', 'воинское звание'],
  unit: ['unit', 'military unit', 'часть', 'воинская часть', 'подразделение'],
};

/** Headers that usually mean a column but yield to a strong alias of the same column. */
const WEAK: Partial<AliasTable> = {
  record_id: ['id', 'no', 'номер'],
  source_url: ['source', 'источник'],
  full_name: ['name', 'person', 'имя фамилия'],
  region: ['oblast', 'место рождения', 'hometown'],
};

function index(table: Partial<AliasTable>): Map<string, RecordColumn> {
  const map = new Map<string, RecordColumn>();
  for (const [column, aliases] of Object.entries(table) as [RecordColumn, readonly string[]][]) {
    for (const alias of aliases) map.set(headerKey(alias), column);
  }
  return map;
}

const STRONG_INDEX = index(STRONG);
const WEAK_INDEX = index(WEAK);

/**
 * The record column a common Russian or English header stands for, with its strength.
 * @example guessColumn('Дата рождения') // { column: 'birth_date', strong: true }
 */
export function guessColumn(header: string): { column: RecordColumn; strong: boolean } | undefined {
  const key = headerKey(header);
  const strong = STRONG_INDEX.get(key);
  if (strong) return { column: strong, strong: true };
  const weak = WEAK_INDEX.get(key);
  return weak ? { column: weak, strong: false } : undefined;
}
