import { estimateResultSchema, type EstimateResult } from '../../core/estimate/estimate.schemas.js';
import type { LinkedPerson, ListMapping, StrataKey } from '../../core/estimate/register-lists.js';
import { newId } from '../../core/ids.js';
import type { Estimate } from '../../core/release/release.schemas.js';
import type { Db } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { findEstimate, insertEstimate, latestPublishedEstimate, listPersonSourceKinds, publishEstimate } from '../../db/repositories/estimate.repository.js';
import { listActivePersons } from '../../db/repositories/linkage.repository.js';
import { NotFoundError } from '../person/person.service.js';
import { estimateFromRegister, type RegisterEstimate } from '../estimate/register-estimate.service.js';
import type { PatternEstimateOptions } from '../estimate/estimate.service.js';

/** Reckon's default mapping of source kinds to the lists multiple systems estimation compares. */
export const DEFAULT_LIST_MAPPING: ListMapping = {
  lists: {
    relatives: ['relative_post', 'obituary'],
    local_media: ['local_media'],
    official: ['official_statement', 'court_record', 'insurance_document'],
    graves: ['grave_photo'],
  },
};

/**
 * The register as linked persons for estimation: each person still in the register (merged persons count
 * with the one kept) with the kinds of all their sources and their region, year of death and category.
 */
export async function linkedPersons(db: Db, options: { confirmedOnly: boolean }): Promise<LinkedPerson[]> {
  const kinds = new Map<string, Set<string>>();
  for (const r of await listPersonSourceKinds(db.kysely)) {
    const id = r.root ?? r.person;
    const set = kinds.get(id) ?? new Set<string>();
    set.add(r.kind);
    kinds.set(id, set);
  }
  return (await listActivePersons(db.kysely))
    .filter((p) => p.status === 'dead' && (!options.confirmedOnly || p.verification === 'confirmed'))
    .map((p) => ({
      sourceKinds: [...(kinds.get(p.id) ?? [])].sort(),
      strata: { region: p.region_code, period: p.death_from?.slice(0, 4) ?? null, category: p.category },
    }));
}

export interface RegisterEstimateOptions extends Omit<PatternEstimateOptions, 'source'> {
  actor: string;
  mapping?: ListMapping;
  stratifyBy?: StrataKey[];
  /** Include reported (not yet confirmed) deaths; by default only confirmed ones count. */
  includeReported?: boolean;
}

/** Estimates the true toll from the register's overlapping lists and stores the result with its inputs. */
export async function estimateRegister(db: Db, options: RegisterEstimateOptions): Promise<RegisterEstimate & { id: string }> {
  const { actor, mapping = DEFAULT_LIST_MAPPING, stratifyBy = [], includeReported = false, ...method } = options;
  const persons = await linkedPersons(db, { confirmedOnly: !includeReported });
  const result = estimateFromRegister({ ...method, persons, mapping, stratifyBy });
  result.overall.inputs.source = `register (${includeReported ? 'confirmed and reported' : 'confirmed'} deaths)`;
  const id = await storeEstimate(db, result.overall, actor);
  return { ...result, id };
}

/** Stores an estimate (from the register or from a pattern file) and audits it. */
export async function storeEstimate(db: Db, result: EstimateResult, actor: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await insertEstimate(trx, { id, method: result.method, estimate: result.estimate, lower: result.lower, upper: result.upper, result: toJson(result) ?? '{}', published_at: null, created_by: actor, created_at: now });
    await appendAudit(trx, db.dialect, { actor, action: 'estimate.create', entity: 'estimate', entityId: id, after: { method: result.method, estimate: result.estimate, lower: result.lower, upper: result.upper, seed: result.seed ?? null } });
  });
  return id;
}

/** Publishes a stored estimate: the next release shows it beside the count, with its assumptions. */
export async function publishStoredEstimate(db: Db, id: string, actor: string): Promise<void> {
  const row = await findEstimate(db.kysely, id);
  if (!row) throw new NotFoundError(`no estimate with id ${id}`);
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await publishEstimate(trx, id, now);
    await appendAudit(trx, db.dialect, { actor, action: 'estimate.publish', entity: 'estimate', entityId: id, after: { published_at: now } });
  });
}

/** The estimate a release made on `day` shows: the latest published by the end of that day, if any. */
export async function estimateForRelease(db: Db, day: string): Promise<Estimate | null> {
  const row = await latestPublishedEstimate(db.kysely, `${day}T23:59:59.999Z`);
  if (!row) return null;
  const result = estimateResultSchema.parse(fromJson(row.result));
  return {
    method: result.model ? `${result.method} (${result.model})` : result.method,
    estimate: Math.round(result.estimate),
    lower: Math.round(result.lower),
    upper: Math.round(result.upper),
    date: (row.published_at ?? row.created_at).slice(0, 10),
    assumptions: result.assumptions,
  };
}
