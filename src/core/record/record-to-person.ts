import { ageToBirthRange, parsePartialDate, type PartialDate } from '../dates/partial-date.js';
import { normaliseCategory } from '../categories/category.js';
import { nameKey, splitFullName } from '../names/split-name.js';
import { resolveRegion } from '../regions/resolve-region.js';
import { normaliseSex, normaliseSourceKind } from '../sources/index.js';
import type { Category, RecordColumn, RecordRow, SourceKind } from './record.schemas.js';

/** A problem found in one record: `error` rejects the file, `warning` keeps the value as text. */
export interface RecordProblem {
  column: RecordColumn | 'extra';
  severity: 'error' | 'warning';
  message: string;
}

/** The person fields one record supports, derived from its as-given text (which is kept alongside). */
export interface PersonDraft {
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  fullName: string | null;
  nameKey: string;
  sex: 'male' | 'female' | null;
  birth: PartialDate | null;
  ageText: string | null;
  regionText: string | null;
  regionCode: string;
  death: PartialDate | null;
  deathPlace: string | null;
  categoryText: string | null;
  category: Category;
  rank: string | null;
  unit: string | null;
}

export interface SourceDraft {
  kind: SourceKind;
  kindText: string | null;
  list: string | null;
  url: string | null;
  publishedAt: string | null;
}

export interface DerivedRecord {
  person: PersonDraft;
  source: SourceDraft;
  problems: RecordProblem[];
}

const MAX_CELL = 10_000;

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function checkDate(column: RecordColumn, value: string | null, problems: RecordProblem[]): PartialDate | null {
  if (value === null) return null;
  const parsed = parsePartialDate(value);
  if (parsed.precision === 'unknown') {
    problems.push({ column, severity: 'warning', message: `"${value.slice(0, 40)}" is not a date Reckon can read; kept as text` });
  }
  return parsed;
}

function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Derives the person and source one record describes, with the problems found.
 * Names are split but never corrected; every derived value keeps its as-given text.
 */
export function deriveRecord(row: RecordRow): DerivedRecord {
  const problems: RecordProblem[] = [];
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.length > MAX_CELL) {
      problems.push({ column: column as RecordColumn, severity: 'error', message: `longer than ${MAX_CELL} characters` });
    }
  }

  const fullName = text(row.full_name);
  let surname = text(row.surname);
  let givenName = text(row.given_name);
  let patronymic = text(row.patronymic);
  if (fullName !== null && surname === null && givenName === null) {
    const split = splitFullName(fullName);
    surname = split.surname;
    givenName = split.given;
    patronymic ??= split.patronymic;
  }
  if (surname === null && givenName === null && fullName === null) {
    problems.push({ column: 'full_name', severity: 'error', message: 'no name: give surname, given_name or full_name' });
  }
  const key = nameKey([surname, givenName, patronymic].filter((p) => p !== null).join(' ') || (fullName ?? ''));

  const death = checkDate('death_date', text(row.death_date), problems);
  const publishedAt = text(row.published_at);
  let birth = checkDate('birth_date', text(row.birth_date), problems);
  const ageText = text(row.age);
  if (ageText !== null && birth === null) {
    const reference = death?.precision !== 'unknown' && death !== null ? death : publishedAt;
    birth = reference === null ? null : ageToBirthRange(ageText, reference);
    if (birth === null) {
      problems.push({ column: 'age', severity: 'warning', message: `"${ageText.slice(0, 40)}" is not an age Reckon can read, or no date to count it from; kept as text` });
    }
  }
  if (birth?.from && death?.to && birth.from > death.to) {
    problems.push({ column: 'death_date', severity: 'warning', message: 'death date is before the birth date' });
  }

  const regionText = text(row.region);
  const region = regionText === null ? { code: 'UNKNOWN', matched: false } : resolveRegion(regionText);
  if (regionText !== null && !region.matched) {
    problems.push({ column: 'region', severity: 'warning', message: `region "${regionText.slice(0, 40)}" not recognised; counted as Unknown, text kept` });
  }
  const categoryText = text(row.category);
  const category = categoryText === null ? 'unknown' : normaliseCategory(categoryText);
  if (categoryText !== null && category === 'unknown') {
    problems.push({ column: 'category', severity: 'warning', message: `category "${categoryText.slice(0, 40)}" not recognised; counted as unknown, text kept` });
  }
  const sexText = text(row.sex);
  const sex = sexText === null ? null : normaliseSex(sexText);
  if (sexText !== null && sex === null) {
    problems.push({ column: 'sex', severity: 'warning', message: `sex "${sexText.slice(0, 20)}" not recognised; kept as text` });
  }

  const url = text(row.source_url);
  if (url !== null && !isSafeUrl(url)) {
    problems.push({ column: 'source_url', severity: 'error', message: 'not an http(s) URL' });
  }
  const kindText = text(row.source_kind);
  return {
    person: {
      surname,
      givenName,
      patronymic,
      fullName,
      nameKey: key,
      sex,
      birth,
      ageText,
      regionText,
      regionCode: region.code,
      death,
      deathPlace: text(row.death_place),
      categoryText,
      category,
      rank: text(row.rank),
      unit: text(row.unit),
    },
    source: {
      kind: kindText === null ? 'other' : normaliseSourceKind(kindText),
      kindText,
      list: text(row.list),
      url,
      publishedAt,
    },
    problems,
  };
}
