import { buildCandidateIndex, findCandidates, type CandidateIndex } from '../../core/linkage/candidate-index.js';
import { explainPair, type Explanation } from '../../core/linkage/explain.js';
import type { RawRow } from '../../core/linkage/dataset.js';
import type { LinkageModel } from '../../core/linkage/settings.schemas.js';
import type { Db } from '../../db/database.js';
import { listOpenAliases } from '../../db/repositories/alias.repository.js';
import { latestLinkModel, listActivePersons } from '../../db/repositories/linkage.repository.js';
import { findPerson, registerSignature } from '../../db/repositories/person.repository.js';
import { summarise } from '../person/person.service.js';
import type { PersonSummary } from '../person/person.schemas.js';
import { parseStoredModel } from './link-register.service.js';
import { personAsRecord } from './person-rows.js';
import { candidateQuerySchema, type CandidateQuery } from './review.schemas.js';

export interface CandidateMatch {
  person: PersonSummary;
  probability: number;
  /** Why: each comparison's contribution. */
  explanation: Explanation;
}

/**
 * Looks up the register for persons a record being typed in may already be, with probabilities and reasons.
 * The index is built once (from the latest linkage run's model) and rebuilt when the persons, their names or
 * the model have changed.
 */
export class CandidateFinder {
  /** The index and its rows as given: each person's own record, then one more per other name it is known by. */
  private built: { index: CandidateIndex; records: RawRow[] } | null = null;
  private builtAt = '';
  private checkedAt = -Infinity;

  /** `recheckMs`: how often to look whether the register changed (summing 200,000 rows costs milliseconds). */
  constructor(
    private readonly db: Db,
    private readonly recheckMs = 30_000,
  ) {}

  private async ensureIndex(): Promise<{ index: CandidateIndex; records: RawRow[] } | null> {
    const now = Date.now();
    if (this.built !== null && now - this.checkedAt < this.recheckMs) return this.built;
    this.checkedAt = now;
    const signature = await registerSignature(this.db.kysely);
    if (this.built !== null && signature === this.builtAt) return this.built;
    const stored = await latestLinkModel(this.db.kysely);
    if (stored === undefined) return null;
    const model: LinkageModel = parseStoredModel(stored);
    const persons = new Map((await listActivePersons(this.db.kysely)).map((p) => [p.id, personAsRecord(p)]));
    // An alias is the person's record under that other name, so a typed-in record spelt so finds the person.
    const aliased: RawRow[] = [];
    for (const a of await listOpenAliases(this.db.kysely)) {
      const own = persons.get(a.person_id);
      if (!own) continue;
      const { surname: _s, given_name: _g, patronymic: _p, full_name: _f, ...rest } = own;
      aliased.push({ ...rest, full_name: a.alias });
    }
    const records = [...persons.values(), ...aliased];
    this.built = { index: buildCandidateIndex(model, records), records };
    this.builtAt = signature;
    return this.built;
  }

  /** Top candidates for a draft record; empty until a linkage run has trained a model (`reckon review run`). */
  async find(query: CandidateQuery): Promise<CandidateMatch[]> {
    const q = candidateQuerySchema.parse(query);
    // This lookup's own index and rows: a rebuild by a concurrent lookup does not move them under it.
    const built = await this.ensureIndex();
    if (built === null) return [];
    const { index, records } = built;
    const { limit, ...fields } = q;
    const record: RawRow = { record_id: 'draft', ...fields };
    const out: CandidateMatch[] = [];
    const seen = new Set<string>();
    // Every scored row, best first: a person may match under its own name and its aliases, and is listed once,
    // as its best match, until `limit` persons are listed.
    for (const c of findCandidates(index, record, Number.MAX_SAFE_INTEGER)) {
      if (out.length >= limit) break;
      if (seen.has(c.recordId)) continue;
      seen.add(c.recordId);
      const person = await findPerson(this.db.kysely, c.recordId);
      if (!person || person.merged_into !== null) continue;
      const matched = records[c.index] ?? personAsRecord(person);
      out.push({ person: summarise(person), probability: c.probability, explanation: explainPair(index.model, record, matched) });
    }
    return out;
  }
}
