import { newId } from '../../core/ids.js';
import { deriveRecord } from '../../core/record/record-to-person.js';
import { FACT_COLUMNS, type RecordRow } from '../../core/record/record.schemas.js';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { insertDecisionNote } from '../../db/repositories/decision-note.repository.js';
import {
  findClaim,
  otherClaims,
  mergedInto,
  moveClaim,
  setMergedInto,
} from '../../db/repositories/linkage.repository.js';
import { findPerson, insertPersons } from '../../db/repositories/person.repository.js';
import { personValues } from '../import/import-batch.js';
import { aliasesOnMerge, aliasesOnSplit, aliasesOnUnmerge } from '../person/person-aliases.service.js';
import { NotFoundError } from '../person/person.service.js';

/** A merge or split the register's rules do not allow. */
export class MergeRefused extends Error {}

export interface MergeInput {
  keep: string;
  merge: string;
  actor: string;
  reason: string;
}

/**
 * Merges one person into another: every source and claim stays where it is, the merged person points at the
 * one kept, and the register counts one person. A confirmed death is always the one kept. Undo with unmergePerson.
 * The reason is kept in a decision note that the audit event names, not in the event (AUD-PRIV).
 */
export async function mergePersons(db: Db, input: MergeInput): Promise<{ kept: string; merged: string }> {
  return db.kysely.transaction().execute((trx) => mergeWithin(trx, db.dialect, input));
}

/** The merge itself, inside the caller's transaction. */
export async function mergeWithin(
  trx: Kysely<Database>,
  dialect: DialectName,
  input: MergeInput,
): Promise<{ kept: string; merged: string }> {
  if (input.keep === input.merge) throw new MergeRefused('a person cannot be merged into themselves');
  {
    const [a, b] = await Promise.all([findPerson(trx, input.keep), findPerson(trx, input.merge)]);
    if (!a) throw new NotFoundError(`no person with id ${input.keep}`);
    if (!b) throw new NotFoundError(`no person with id ${input.merge}`);
    if (a.merged_into !== null || b.merged_into !== null)
      throw new MergeRefused(
        'one of these persons was already merged; decide on the person they were merged into',
      );
    // Never let a confirmed death disappear behind an unconfirmed record.
    const [keep, merge] = b.verification === 'confirmed' && a.verification !== 'confirmed' ? [b, a] : [a, b];
    const now = new Date().toISOString();
    const repointed = await mergedInto(trx, merge.id);
    await setMergedInto(trx, [merge.id, ...repointed], keep.id, now);
    await aliasesOnMerge(trx, keep.id, merge);
    const note = await insertDecisionNote(trx, { action: 'person.merge', entity: 'person', entity_id: keep.id, reason: input.reason, created_by: input.actor, created_at: now });
    await appendAudit(trx, dialect, {
      actor: input.actor,
      action: 'person.merge',
      entity: 'person',
      entityId: keep.id,
      before: { merged_into: null, person: merge.id },
      after: { merged: merge.id, repointed, note },
      at: now,
    });
    return { kept: keep.id, merged: merge.id };
  }
}

/** Undoes a merge: the person stands alone again, with its own sources and claims. */
export async function unmergePerson(
  db: Db,
  input: { person: string; actor: string; reason: string },
): Promise<{ restored: string; from: string }> {
  return db.kysely.transaction().execute(async (trx) => {
    const p = await findPerson(trx, input.person);
    if (!p) throw new NotFoundError(`no person with id ${input.person}`);
    if (p.merged_into === null) throw new MergeRefused(`person ${input.person} is not merged into anyone`);
    const from = p.merged_into;
    const now = new Date().toISOString();
    await setMergedInto(trx, [p.id], null, now);
    await aliasesOnUnmerge(trx, from, [p.id]);
    const note = await insertDecisionNote(trx, { action: 'person.unmerge', entity: 'person', entity_id: from, reason: input.reason, created_by: input.actor, created_at: now });
    await appendAudit(trx, db.dialect, {
      actor: input.actor,
      action: 'person.unmerge',
      entity: 'person',
      entityId: from,
      before: { merged: p.id },
      after: { restored: p.id, note },
      at: now,
    });
    return { restored: p.id, from };
  });
}

/**
 * Splits one claim off into a new person (the claim was about someone else). The new person's fields come
 * from the claim's own as-given values. Undo by merging the new person back.
 */
export async function splitClaim(
  db: Db,
  input: { claim: string; actor: string; reason: string },
): Promise<{ person: string; from: string }> {
  return db.kysely.transaction().execute(async (trx) => {
    const claim = await findClaim(trx, input.claim);
    if (claim === undefined) throw new NotFoundError(`no claim with id ${input.claim}`);
    const from = claim.person_id;
    const owner = await findPerson(trx, from);
    const root = owner?.merged_into ?? from;
    const group = [root, ...(await mergedInto(trx, root))];
    const others = await otherClaims(trx, group, input.claim);
    if (others.length === 0)
      throw new MergeRefused('this is the person’s only claim; there is nothing to split it from');
    const now = new Date().toISOString();
    if (from !== root && !others.some((o) => o.person_id === from)) {
      // The claim is all a merged person brought: splitting it off is undoing that merge.
      await setMergedInto(trx, [from], null, now);
      await aliasesOnUnmerge(trx, root, [from]);
      const note = await insertDecisionNote(trx, { action: 'person.split', entity: 'person', entity_id: root, reason: input.reason, created_by: input.actor, created_at: now });
      await appendAudit(trx, db.dialect, {
        actor: input.actor,
        action: 'person.split',
        entity: 'person',
        entityId: root,
        before: { claim: input.claim, person: root },
        after: { claim: input.claim, person: from, note },
        at: now,
      });
      return { person: from, from: root };
    }
    const record: RecordRow = {};
    for (const k of FACT_COLUMNS) {
      const v = claim[k];
      if (v !== null) record[k] = v;
    }
    const derived = deriveRecord(record);
    const id = newId();
    const original = owner;
    await insertPersons(trx, [
      {
        id,
        ...personValues(derived),
        status: original?.status ?? 'dead',
        created_by: input.actor,
        created_at: now,
        updated_at: now,
      },
    ]);
    await moveClaim(trx, input.claim, id);
    await aliasesOnSplit(trx, group, input.claim);
    const note = await insertDecisionNote(trx, { action: 'person.split', entity: 'person', entity_id: from, reason: input.reason, created_by: input.actor, created_at: now });
    await appendAudit(trx, db.dialect, {
      actor: input.actor,
      action: 'person.split',
      entity: 'person',
      entityId: from,
      before: { claim: input.claim, person: from },
      after: { claim: input.claim, person: id, note },
      at: now,
    });
    return { person: id, from };
  });
}
