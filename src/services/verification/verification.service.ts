import type { ConfirmationRule } from '../../core/verification/confirmation-rule.js';
import { checkConfirmation } from '../../core/verification/confirmation-rule.js';
import { newId } from '../../core/ids.js';
import type { SourceKind } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { listClaimsForPerson } from '../../db/repositories/claim.repository.js';
import { mergedInto } from '../../db/repositories/linkage.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { insertVerification, listBacklog, setVerification } from '../../db/repositories/verification.repository.js';
import { NotFoundError, summarise } from '../person/person.service.js';
import type { PersonSummary } from '../person/person.schemas.js';
import { backlogQuerySchema, decisionSchema, type BacklogQuery, type DecisionInput } from './verification.schemas.js';

/** A decision the rules do not allow (the HTTP layer answers 403 or 409). */
export class VerificationRefused extends Error {}

export interface DecisionResult {
  personId: string;
  from: string;
  to: string;
  ruleVersion: string;
}

/**
 * Confirms, rejects or disputes a reported death, with a written reason, under the rule in force.
 * Nobody decides on a record they entered (REV-4EYES); every decision is audited.
 */
export async function decide(db: Db, rule: ConfirmationRule, input: DecisionInput): Promise<DecisionResult> {
  const d = decisionSchema.parse(input);
  return db.kysely.transaction().execute(async (trx) => {
    const person = await findPerson(trx, d.personId);
    if (!person) throw new NotFoundError(`no person with id ${d.personId}`);
    if (person.merged_into !== null) throw new VerificationRefused(`person ${d.personId} was merged into ${person.merged_into}; decide there`);
    if (person.verification === d.decision) throw new VerificationRefused(`person ${d.personId} is already ${d.decision}`);
    // A person's evidence includes what the persons merged into it brought (merges keep claims where they are).
    const merged = await mergedInto(trx, d.personId);
    const claims = (await Promise.all([d.personId, ...merged].map((id) => listClaimsForPerson(trx, id)))).flat();
    const mergedAuthors = (await Promise.all(merged.map((id) => findPerson(trx, id)))).flatMap((p) => (p ? [p.created_by] : []));
    const authors = [person.created_by, ...mergedAuthors, ...claims.map((c) => c.created_by)];
    if (authors.includes(d.actor)) throw new VerificationRefused('a verifier cannot decide on a record they entered; a second person must check it');
    if (d.decision === 'confirmed') {
      const check = checkConfirmation(rule, { sourceKinds: claims.map((c) => c.source_kind as SourceKind), authors, verifier: d.actor });
      if (!check.ok) throw new VerificationRefused(check.reason);
    }
    const now = new Date().toISOString();
    if (!(await setVerification(trx, d.personId, d.decision, person.version, now))) {
      throw new VerificationRefused(`person ${d.personId} changed meanwhile; reload and decide again`);
    }
    const decision = newId();
    await insertVerification(trx, { id: decision, person_id: d.personId, from_state: person.verification, to_state: d.decision, reason: d.reason, rule_version: rule.version, decided_by: d.actor, decided_at: now });
    await appendAudit(trx, db.dialect, {
      actor: d.actor,
      action: `person.${d.decision === 'confirmed' ? 'confirm' : d.decision === 'rejected' ? 'reject' : 'dispute'}`,
      entity: 'person',
      entityId: d.personId,
      before: { verification: person.verification },
      // The reason stays in its verifications row (AUD-PRIV: no free text in the log); the event names the row.
      after: { verification: d.decision, decision, rule: rule.version },
      at: now,
    });
    return { personId: d.personId, from: person.verification, to: d.decision, ruleVersion: rule.version };
  });
}

/** Reported deaths awaiting confirmation, oldest first, filtered by region, category or source kind. */
export async function backlog(db: Db, query: BacklogQuery): Promise<PersonSummary[]> {
  const q = backlogQuerySchema.parse(query);
  const rows = await listBacklog(db.kysely, {
    limit: q.limit,
    offset: q.offset,
    ...(q.region === undefined ? {} : { region: q.region }),
    ...(q.category === undefined ? {} : { category: q.category }),
    ...(q.sourceKind === undefined ? {} : { sourceKind: q.sourceKind }),
  });
  return rows.map(summarise);
}
