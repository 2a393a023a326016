import { stringify } from 'csv-stringify/sync';
import { canonicalJson } from '../../../core/release/canonical-json.js';
import { escapeFormula } from '../../../core/export/formula.js';
import type { PartialDate, PublicPerson } from '../../../core/release/release.schemas.js';

export const CSV_COLUMNS = [
  'id', 'surname', 'given_name', 'patronymic', 'name_latin', 'sex', 'birth_date', 'birth_date_precision', 'birth_from', 'birth_to',
  'age_at_death', 'region', 'category', 'rank', 'rank_class', 'unit', 'death_date', 'death_date_precision', 'death_from', 'death_to',
  'death_date_from_source', 'sources', 'first_confirmed_at',
] as const;

function dateCells(d: PartialDate | null): string[] {
  return d === null ? ['', '', '', ''] : [d.text, d.precision, d.from ?? '', d.to ?? ''];
}

function csvRow(p: PublicPerson): string[] {
  const cells = [
    p.id, p.surname, p.givenName ?? '', p.patronymic ?? '', p.nameLatin, p.sex, ...dateCells(p.birthDate),
    p.ageAtDeath === null ? '' : String(p.ageAtDeath), p.region, p.category, p.rank ?? '', p.rankClass, p.unit ?? '',
    ...dateCells(p.deathDate), p.deathDateFromSource ? 'true' : 'false', p.sources.join(' '), p.firstConfirmedAt,
  ];
  return cells.map(escapeFormula);
}

/** persons.csv: UTF-8 with BOM (so spreadsheets read Cyrillic), formula-safe cells, sorted by id. */
export function personsCsv(persons: readonly PublicPerson[]): Buffer {
  const body = stringify(persons.map(csvRow), { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' });
  return Buffer.from('\ufeff' + body, 'utf8');
}

/** persons.json: a release snapshot `{ date, persons }` (the next release diffs against it). */
export function personsJson(date: string, persons: readonly PublicPerson[]): Buffer {
  const lines = persons.map((p) => canonicalJson(p));
  return Buffer.from(`{"date":${JSON.stringify(date)},"persons":[\n${lines.join(',\n')}\n]}\n`, 'utf8');
}

/** Any JSON file of the site: canonical (sorted keys), indented, trailing newline. */
export function jsonFile(value: unknown, indent = 2): Buffer {
  return Buffer.from(canonicalJson(value, indent) + '\n', 'utf8');
}
