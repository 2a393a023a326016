import { newId } from '../../core/ids.js';
import { deriveRecord } from '../../core/record/record-to-person.js';
import type { RecordRow } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { insertClaims, insertSources } from '../../db/repositories/claim.repository.js';
import { hashesWithDerivative, listEvidenceForSource } from '../../db/repositories/evidence.repository.js';
import { findSource, type SourceRow } from '../../db/repositories/intake.repository.js';
import { fillPersonBlanks, findPerson, insertPersons } from '../../db/repositories/person.repository.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize, can, ForbiddenError } from '../auth/policy.js';
import { claimRow, personValues } from '../import/import-batch.js';
import { addClaimAliases } from '../person/person-aliases.service.js';
import { NotFoundError } from '../person/person.service.js';
import { claimInputSchema, sourceInputSchema, type ClaimInput, type SourceInput, type SourceView } from './intake.schemas.js';

// Intake on behalf of a signed-in account: sources, then the person(s) a source names, each fact a claim
// tied to its source. Every write is audited in the same transaction. The account's username is the actor.
// Audit events name the rows written (ids, kinds), never a name or a source's URL (AUD-PRIV).

/** A typed-in record the register cannot take; `field` names the offending field (HTTP 400). */
export class IntakeInvalid extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** Whether this account may see this source: restricted ones only with source.read.restricted; contributors only their own. */
function maySee(user: SessionUser, s: SourceRow): boolean {
  if (can(user.role, 'source.read.restricted') || s.created_by === user.username) return true;
  return s.sensitivity !== 'restricted' && can(user.role, 'person.read.all');
}

async function visibleSource(db: Db, user: SessionUser, id: string): Promise<SourceRow> {
  authorize(user.role, 'source.read');
  const s = await findSource(db.kysely, id);
  // A source the account may not see answers exactly like one that does not exist.
  if (!s || !maySee(user, s)) throw new NotFoundError(`no source with id ${id}`);
  return s;
}

/** Adds a source (http(s) URL only), audited. */
export async function createSource(db: Db, user: SessionUser, input: SourceInput): Promise<SourceView> {
  authorize(user.role, 'intake.write');
  const s = sourceInputSchema.parse(input);
  const now = new Date().toISOString();
  const id = newId();
  const row = { id, kind: s.kind, kind_text: null, list: null, url: s.url, publisher: s.publisher ?? null, author: null, language: s.language ?? null, published_at: s.published_at ?? null, captured_at: null, excerpt: s.excerpt ?? null, reliability: null, sensitivity: s.sensitivity, import_id: null, created_by: user.username, created_at: now };
  await db.kysely.transaction().execute(async (trx) => {
    await insertSources(trx, [row]);
    await appendAudit(trx, db.dialect, { actor: user.username, action: 'source.add', entity: 'source', entityId: id, after: { kind: s.kind, sensitivity: s.sensitivity }, at: now });
  });
  return getSourceFor(db, user, id);
}

/** One source with its evidence files, as this account may see it (else NotFoundError). */
export async function getSourceFor(db: Db, user: SessionUser, id: string): Promise<SourceView> {
  const s = await visibleSource(db, user, id);
  const files = await listEvidenceForSource(db.kysely, id);
  const derived = await hashesWithDerivative(db.kysely, files.map((e) => e.sha256));
  const evidence = files.map((e) => ({ id: e.id, sha256: e.sha256, size: e.size, media_type: e.media_type, derivative: derived.has(e.sha256) }));
  return { id: s.id, kind: s.kind, url: s.url, publisher: s.publisher, published_at: s.published_at, language: s.language, excerpt: s.excerpt, sensitivity: s.sensitivity, created_by: s.created_by, created_at: s.created_at, evidence };
}

/** Checks that evidence may be attached to this source by this account (contributors: their own sources). */
export async function assertCanAddEvidence(db: Db, user: SessionUser, sourceId: string): Promise<void> {
  authorize(user.role, 'intake.write');
  const s = await visibleSource(db, user, sourceId);
  if (!can(user.role, 'person.read.all') && s.created_by !== user.username) throw new ForbiddenError('only the source’s own contributor may add evidence');
}

function derive(input: ClaimInput, nameRequired: boolean): { record: RecordRow; derived: ReturnType<typeof deriveRecord> } {
  const { sourceId: _source, ...fields } = claimInputSchema.parse(input);
  const record: RecordRow = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
  const derived = deriveRecord(record);
  // A claim on a known person may state one fact alone (a unit, a date); a new person needs a name.
  const error = derived.problems.find((p) => p.severity === 'error' && (nameRequired || !p.message.startsWith('no name')));
  if (error) throw new IntakeInvalid(error.column, error.message);
  return { record, derived };
}

/** Creates a person with one claim from typed-in record fields, tied to a source the account may see; audited, one transaction. */
export async function createPersonWithClaim(db: Db, user: SessionUser, input: ClaimInput): Promise<{ person: string; claim: string }> {
  authorize(user.role, 'intake.write');
  const { record, derived } = derive(input, true);
  await visibleSource(db, user, input.sourceId);
  const now = new Date().toISOString();
  const person = newId();
  const claim = claimRow(record, person, input.sourceId, { importId: '', actor: user.username, now, rowNumber: 0 });
  await db.kysely.transaction().execute(async (trx) => {
    await insertPersons(trx, [{ id: person, ...personValues(derived), created_by: user.username, created_at: now, updated_at: now }]);
    await insertClaims(trx, [{ ...claim, import_id: null, row_number: null }]);
    await appendAudit(trx, db.dialect, { actor: user.username, action: 'person.add', entity: 'person', entityId: person, after: { claim: claim.id, source: input.sourceId }, at: now });
  });
  return { person, claim: claim.id };
}

/** Adds a claim to an existing person (contributors: only their own unconfirmed drafts); audited, one transaction. */
export async function addClaimToPerson(db: Db, user: SessionUser, personId: string, input: ClaimInput): Promise<{ person: string; claim: string }> {
  authorize(user.role, 'intake.write');
  const found = await findPerson(db.kysely, personId);
  const own = found?.created_by === user.username;
  if (!found || (!own && !can(user.role, 'person.read.all'))) throw new NotFoundError(`no person with id ${personId}`);
  if (!can(user.role, 'person.read.all') && found.verification !== 'reported') throw new ForbiddenError('contributors may add claims only to their own unconfirmed drafts');
  const { record, derived } = derive(input, false);
  await visibleSource(db, user, input.sourceId);
  // A person merged away: the claim belongs to the person kept.
  const target = found.merged_into ?? found.id;
  const now = new Date().toISOString();
  const claim = claimRow(record, target, input.sourceId, { importId: '', actor: user.username, now, rowNumber: 0 });
  await db.kysely.transaction().execute(async (trx) => {
    await insertClaims(trx, [{ ...claim, import_id: null, row_number: null }]);
    const { status: _s, verification: _v, ...values } = personValues(derived);
    await fillPersonBlanks(trx, target, values);
    // Another spelling of the person's name becomes an alias, so search finds the person by it.
    await addClaimAliases(trx, [claim]);
    await appendAudit(trx, db.dialect, { actor: user.username, action: 'claim.add', entity: 'person', entityId: target, after: { claim: claim.id, source: input.sourceId }, at: now });
  });
  return { person: target, claim: claim.id };
}
