import { explainPair, type Explanation } from '../../core/linkage/explain.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import {
  findLinkPair,
  linkRunModel,
  listQueue,
  setPairDecision,
  type LinkPairRow,
} from '../../db/repositories/linkage.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { NotFoundError, summarise } from '../person/person.service.js';
import type { PersonSummary } from '../person/person.schemas.js';
import { parseStoredModel } from './link-register.service.js';
import { mergeWithin, MergeRefused } from './merge.service.js';
import { personAsRecord } from './person-rows.js';
import { pairDecisionSchema, type PairDecisionInput } from './review.schemas.js';

export interface QueueItem {
  pair: string;
  probability: number;
  a: PersonSummary;
  b: PersonSummary;
  state: string;
}

/** The duplicate-review queue, likeliest first (undecided pairs, then unsure ones when asked). */
export async function reviewQueue(
  db: Db,
  options: { includeUnsure?: boolean; limit?: number; offset?: number } = {},
): Promise<QueueItem[]> {
  const states = options.includeUnsure ? ['pending', 'unsure'] : ['pending'];
  const rows = await listQueue(db.kysely, states, options.limit ?? 50, options.offset ?? 0);
  const out: QueueItem[] = [];
  for (const r of rows) {
    const [a, b] = await Promise.all([findPerson(db.kysely, r.person_a), findPerson(db.kysely, r.person_b)]);
    if (a && b)
      out.push({ pair: r.id, probability: r.probability, a: summarise(a), b: summarise(b), state: r.state });
  }
  return out;
}

export interface PairReview {
  pair: LinkPairRow;
  a: PersonSummary;
  b: PersonSummary;
  /** The waterfall: each comparison's contribution to the match weight, under the run's model. */
  explanation: Explanation;
}

/** One pair with its comparison waterfall, for the reviewer. */
export async function showPair(db: Db, pairId: string): Promise<PairReview> {
  const pair = await findLinkPair(db.kysely, pairId);
  if (!pair) throw new NotFoundError(`no pair with id ${pairId}`);
  const [a, b, model] = await Promise.all([
    findPerson(db.kysely, pair.person_a),
    findPerson(db.kysely, pair.person_b),
    linkRunModel(db.kysely, pair.run_id),
  ]);
  if (!a || !b) throw new NotFoundError('a person of this pair no longer exists');
  const explanation = explainPair(parseStoredModel(model), personAsRecord(a), personAsRecord(b));
  return { pair, a: summarise(a), b: summarise(b), explanation };
}

/** Records a reviewer's decision: "same" merges the two persons (undoable), "different" is never asked again. */
export async function decidePair(
  db: Db,
  input: PairDecisionInput,
): Promise<{ pair: string; decision: string; kept?: string }> {
  const d = pairDecisionSchema.parse(input);
  const pair = await findLinkPair(db.kysely, d.pairId);
  if (!pair) throw new NotFoundError(`no pair with id ${d.pairId}`);
  if (pair.state === 'same' || pair.state === 'different')
    throw new MergeRefused(`pair ${d.pairId} was already decided: ${pair.state}`);
  const now = new Date().toISOString();
  const kept = await db.kysely.transaction().execute(async (trx) => {
    const merged =
      d.decision === 'same'
        ? await mergeWithin(trx, db.dialect, {
            keep: pair.person_a,
            merge: pair.person_b,
            actor: d.actor,
            reason: d.reason ?? `review of pair ${pair.id}`,
          })
        : null;
    await setPairDecision(trx, pair.id, {
      state: d.decision,
      reason: d.reason ?? null,
      decidedBy: d.actor,
      decidedAt: now,
    });
    await appendAudit(trx, db.dialect, {
      actor: d.actor,
      action: 'link_pair.decide',
      entity: 'link_pair',
      entityId: pair.id,
      before: { state: pair.state },
      // The reason stays on the pair (link_pairs.reason): no free text in the audit log (AUD-PRIV).
      after: { state: d.decision, a: pair.person_a, b: pair.person_b },
      at: now,
    });
    return merged?.kept;
  });
  return { pair: pair.id, decision: d.decision, ...(kept === undefined ? {} : { kept }) };
}
