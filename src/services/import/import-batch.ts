import type { Insertable } from 'kysely';
import type { DerivedRecord } from '../../core/record/record-to-person.js';
import type { RecordRow } from '../../core/record/record.schemas.js';
import { newId } from '../../core/ids.js';
import { canonicalSearchKey } from '../../core/names/search-key.js';
import type { ClaimsTable, PersonsTable, SourcesTable } from '../../db/schema.js';

/** Everything one batch of rows writes: new persons, sources, claims, and blanks to fill in earlier persons. */
export interface ImportBatch {
  persons: Insertable<PersonsTable>[];
  sources: Insertable<SourcesTable>[];
  claims: Insertable<ClaimsTable>[];
  fills: { id: string; values: Partial<Insertable<PersonsTable>> }[];
  /** Claims given to a person an earlier row of the file created: a different spelling becomes an alias. */
  laterClaims: Insertable<ClaimsTable>[];
}

export function emptyBatch(): ImportBatch {
  return { persons: [], sources: [], claims: [], fills: [], laterClaims: [] };
}

export interface RowContext {
  importId: string;
  actor: string;
  now: string;
  rowNumber: number;
}

/** The persons-table values one derived record supports. */
export function personValues(d: DerivedRecord): Omit<Insertable<PersonsTable>, 'id' | 'created_by' | 'created_at' | 'updated_at'> {
  const p = d.person;
  return {
    surname: p.surname,
    given_name: p.givenName,
    patronymic: p.patronymic,
    full_name: p.fullName,
    name_key: p.nameKey,
    canon_key: canonicalSearchKey(p),
    sex: p.sex,
    birth_date_text: p.birth?.text ?? null,
    birth_precision: p.birth?.precision ?? 'unknown',
    birth_from: p.birth?.from ?? null,
    birth_to: p.birth?.to ?? null,
    age_text: p.ageText,
    region_text: p.regionText,
    region_code: p.regionCode,
    death_date_text: p.death?.text ?? null,
    death_precision: p.death?.precision ?? 'unknown',
    death_from: p.death?.from ?? null,
    death_to: p.death?.to ?? null,
    death_place: p.deathPlace,
    category_text: p.categoryText,
    category: p.category,
    rank: p.rank,
    unit: p.unit,
    status: 'dead',
    verification: 'reported',
  };
}

const blank = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

/** A source row for a record (one source per mention), its text kept exactly as given. */
export function sourceRow(record: RecordRow, d: DerivedRecord, ctx: RowContext): Insertable<SourcesTable> {
  return {
    id: newId(),
    kind: d.source.kind,
    kind_text: blank(record.source_kind),
    list: blank(record.list),
    url: blank(record.source_url),
    publisher: null,
    author: null,
    language: null,
    published_at: blank(record.published_at),
    captured_at: null,
    excerpt: null,
    reliability: null,
    sensitivity: 'public',
    import_id: ctx.importId,
    created_by: ctx.actor,
    created_at: ctx.now,
  };
}

/** A claim row keeping every cell of the record exactly as given (untrimmed). */
export function claimRow(record: RecordRow, personId: string, sourceId: string, ctx: RowContext): Insertable<ClaimsTable> {
  return {
    id: newId(),
    person_id: personId,
    source_id: sourceId,
    record_id: blank(record.record_id),
    import_id: ctx.importId,
    row_number: ctx.rowNumber,
    surname: blank(record.surname),
    given_name: blank(record.given_name),
    patronymic: blank(record.patronymic),
    full_name: blank(record.full_name),
    sex: blank(record.sex),
    birth_date: blank(record.birth_date),
    age: blank(record.age),
    region: blank(record.region),
    death_date: blank(record.death_date),
    death_place: blank(record.death_place),
    category: blank(record.category),
    rank: blank(record.rank),
    unit: blank(record.unit),
    status: null,
    extra: record.extra && Object.keys(record.extra).length > 0 ? JSON.stringify(record.extra) : null,
    created_by: ctx.actor,
    created_at: ctx.now,
  };
}
