import { z } from 'zod';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { fromJson } from '../../db/dialect.js';
import { pageClaims, pageClaimExtras, type ClaimWithSource } from '../../db/repositories/claim.repository.js';
import { pagePersons, type PersonRow } from '../../db/repositories/person.repository.js';
import { displayName } from '../person/person.service.js';

const PAGE = 5_000;
const extraSchema = z.record(z.string(), z.string());

/** A claim's extra columns (unknown columns of the file it came from). */
function extraOf(value: unknown): Record<string, string> {
  const parsed = extraSchema.safeParse(fromJson(value));
  return parsed.success ? parsed.data : {};
}

export type ExportRow = Record<string, string | number | null>;

export interface ExportTable {
  columns: string[];
  rows: AsyncIterable<ExportRow>;
}

/** One claim as a row of the record CSV, values as given, plus its person and extra columns. */
export function recordOf(c: ClaimWithSource): ExportRow {
  const extra = extraOf(c.extra);
  return {
    record_id: c.record_id,
    list: c.source_list,
    source_kind: c.source_kind_text,
    source_url: c.source_url,
    published_at: c.source_published_at,
    surname: c.surname,
    given_name: c.given_name,
    patronymic: c.patronymic,
    full_name: c.full_name,
    sex: c.sex,
    birth_date: c.birth_date,
    age: c.age,
    region: c.region,
    death_date: c.death_date,
    death_place: c.death_place,
    category: c.category,
    rank: c.rank,
    unit: c.unit,
    person_id: c.person_id,
    ...extra,
  };
}

async function extraColumns(db: Db): Promise<string[]> {
  const keys = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page = await pageClaimExtras(db.kysely, after, PAGE);
    if (page.length === 0) break;
    for (const r of page) for (const k of Object.keys(extraOf(r.extra))) keys.add(k);
    after = page[page.length - 1]?.id ?? null;
  }
  return [...keys].filter((k) => !(RECORD_COLUMNS as readonly string[]).includes(k) && k !== 'person_id').sort();
}

/**
 * Every claim as a row of the record CSV, each value exactly as it was given, plus the person it belongs to:
 * importing an export gives back the same records.
 */
export async function exportRecords(db: Db): Promise<ExportTable> {
  const columns = [...RECORD_COLUMNS, 'person_id', ...(await extraColumns(db))];
  async function* rows(): AsyncGenerator<ExportRow> {
    let after: string | null = null;
    for (;;) {
      const page = await pageClaims(db.kysely, after, PAGE);
      if (page.length === 0) return;
      for (const c of page) yield recordOf(c);
      after = page[page.length - 1]?.id ?? null;
    }
  }
  return { columns, rows: rows() };
}

/** One person as a row of the persons export. */
export function personRow(p: PersonRow): ExportRow {
  return {
    id: p.id, name: displayName(p), surname: p.surname, given_name: p.given_name, patronymic: p.patronymic,
    full_name: p.full_name, sex: p.sex, birth_date: p.birth_date_text, birth_from: p.birth_from, birth_to: p.birth_to,
    age: p.age_text, region: p.region_text, region_code: p.region_code, death_date: p.death_date_text,
    death_from: p.death_from, death_to: p.death_to, death_place: p.death_place, category: p.category,
    category_text: p.category_text, rank: p.rank, unit: p.unit, status: p.status, verification: p.verification,
  };
}

export const PERSON_COLUMNS: readonly string[] = [
  'id', 'name', 'surname', 'given_name', 'patronymic', 'full_name', 'sex', 'birth_date', 'birth_from', 'birth_to',
  'age', 'region', 'region_code', 'death_date', 'death_from', 'death_to', 'death_place', 'category', 'category_text',
  'rank', 'unit', 'status', 'verification',
];

/** The register as one row per person, normalised values beside the as-given text. */
export function exportPersons(db: Db): ExportTable {
  async function* rows(): AsyncGenerator<ExportRow> {
    let after: string | null = null;
    for (;;) {
      const page = await pagePersons(db.kysely, after, PAGE);
      if (page.length === 0) return;
      for (const p of page) yield personRow(p);
      after = page[page.length - 1]?.id ?? null;
    }
  }
  return { columns: [...PERSON_COLUMNS], rows: rows() };
}
