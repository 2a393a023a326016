import { canonicalQueryKey } from '../../core/names/search-key.js';
import { nameKey } from '../../core/names/split-name.js';
import { FACT_COLUMNS } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { listAudit, type AuditEvent } from '../../db/repositories/audit.repository.js';
import { listClaimsForPerson, type ClaimWithSource } from '../../db/repositories/claim.repository.js';
import { findPerson, listPersons, type PersonRow } from '../../db/repositories/person.repository.js';
import { mergedInto } from '../../db/repositories/linkage.repository.js';
import { ALL_ALIASES, type AliasAccess } from '../../db/repositories/alias.repository.js';
import { personAliases, type PersonAlias } from './person-aliases.service.js';
import { personListQuerySchema, type PersonListQuery, type PersonSummary } from './person.schemas.js';

export class NotFoundError extends Error {}

/** The name as the register shows it: surname first, as given. */
export function displayName(p: Pick<PersonRow, 'surname' | 'given_name' | 'patronymic' | 'full_name'>): string {
  const parts = [p.surname, p.given_name, p.patronymic].filter((x): x is string => x !== null && x !== '');
  return parts.length > 0 ? parts.join(' ') : (p.full_name ?? '');
}

export function summarise(p: PersonRow): PersonSummary {
  return {
    id: p.id,
    name: displayName(p),
    birth: p.birth_date_text,
    death: p.death_date_text,
    region: p.region_code,
    category: p.category,
    status: p.status,
    verification: p.verification,
  };
}

/**
 * Persons matching a query, paged; a name search also matches the aliases `aliases` allows (default: all) and
 * the same name in another spelling or script (the canonical key: "Jevgenij Sjtjerbakov" finds "Щербаков
 * Евгений"). Names are keyed surname first; a query typed given name first that finds nobody is read again with
 * its last word first, for every page alike. `createdBy`: only the persons that account recorded.
 */
export async function searchPersons(db: Db, query: PersonListQuery, aliases: AliasAccess = ALL_ALIASES, createdBy?: string): Promise<PersonSummary[]> {
  const q = personListQuerySchema.parse(query);
  const filter = {
    limit: q.limit,
    offset: q.offset,
    ...(createdBy === undefined ? {} : { createdBy }),
    ...(q.verification === undefined ? {} : { verification: q.verification }),
    ...(q.region === undefined ? {} : { region: q.region }),
    ...(q.category === undefined ? {} : { category: q.category }),
  };
  if (q.q === undefined) return (await listPersons(db.kysely, db.dialect, filter)).map(summarise);
  let key = nameKey(q.q);
  // The same name in any spelling or script ("Yevgeny Shcherbakov" finds "Щербаков Евгений").
  const canon = canonicalQueryKey(q.q);
  const byName = { ...filter, aliases, ...(canon === null ? {} : { canonPrefix: canon }) };
  const words = key.split(' ');
  if (words.length > 1) {
    const found = await listPersons(db.kysely, db.dialect, { ...byName, limit: 1, offset: 0, namePrefix: key });
    if (found.length === 0) key = [words.at(-1), ...words.slice(0, -1)].join(' ');
  }
  return (await listPersons(db.kysely, db.dialect, { ...byName, namePrefix: key })).map(summarise);
}

const FACTS = FACT_COLUMNS;

/** One fact with every value the sources give for it; more than one distinct value is a conflict, shown not resolved. */
export interface FactValues {
  field: (typeof FACTS)[number];
  values: { value: string; claimIds: string[] }[];
  conflict: boolean;
}

export interface PersonDetail {
  person: PersonRow;
  facts: FactValues[];
  claims: ClaimWithSource[];
  /** Other names the person is known by (readers who may not see a restricted source do not get its aliases). */
  aliases: PersonAlias[];
  history: AuditEvent[];
}

function factsOf(claims: ClaimWithSource[]): FactValues[] {
  return FACTS.map((field) => {
    const byValue = new Map<string, string[]>();
    for (const c of claims) {
      const v = c[field];
      if (v === null || v.trim() === '') continue;
      const list = byValue.get(v.trim()) ?? [];
      list.push(c.id);
      byValue.set(v.trim(), list);
    }
    const values = [...byValue].map(([value, claimIds]) => ({ value, claimIds }));
    return { field, values, conflict: values.length > 1 };
  }).filter((f) => f.values.length > 0);
}

/** A person with every fact traced to its claims and sources, and the history of changes. */
export async function getPersonDetail(db: Db, id: string): Promise<PersonDetail> {
  const person = await findPerson(db.kysely, id);
  if (!person) throw new NotFoundError(`no person with id ${id}`);
  // A merged person's sources and claims belong to the person they were merged into.
  const ids = [id, ...(await mergedInto(db.kysely, id))];
  const claims = (await Promise.all(ids.map((pid) => listClaimsForPerson(db.kysely, pid)))).flat();
  const history = await listAudit(db.kysely, { entity: 'person', entityId: id });
  const aliases = await personAliases(db.kysely, person);
  return { person, facts: factsOf(claims), claims, aliases, history };
}
