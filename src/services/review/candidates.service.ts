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
 * The index is built once (from the latest linkage run's model) and rebuilt when the register has grown.
 */
export class CandidateFinder {
  private index: CandidateIndex | null = null;
  /** The index's rows as given: a person's own record, then one more per other name it is known by. */
  private records: RawRow[] = [];
  private builtAt = '';
  private checkedAt = -Infinity;

  /** `recheckMs`: how often to look whether the register changed (summing 200,000 rows costs milliseconds). */
  constructor(
    private readonly db: Db,
    private readonly recheckMs = 30_000,
  ) {}

  private async ensureIndex(): Promise<CandidateIndex | null> {
    const now = Date.now();
    if (this.index !== null && now - this.checkedAt < this.recheckMs) return this.index;
    this.checkedAt = now;
    const count = await registerSignature(this.db.kysely);
    if (this.index !== null && count === this.builtAt) return this.index;
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
    this.records = [...persons.values(), ...aliased];
    this.index = buildCandidateIndex(model, this.records);
    this.builtAt = count;
    return this.index;
  }

  /** Top candidates for a draft record; empty until a linkage run has trained a model (`reckon review run`). */
  async find(query: CandidateQuery): Promise<CandidateMatch[]> {
    const q = candidateQuerySchema.parse(query);
    const index = await this.ensureIndex();
    if (index === null) return [];
    const { limit, ...fields } = q;
    const record: RawRow = { record_id: 'draft', ...fields };
    const out: CandidateMatch[] = [];
    const seen = new Set<string>();
    // A person may match under its own name and an alias: it is listed once, as its best match.
    for (const c of findCandidates(index, record, limit * 3)) {
      if (seen.has(c.recordId) || out.length >= limit) continue;
      seen.add(c.recordId);
      const person = await findPerson(this.db.kysely, c.recordId);
      if (!person || person.merged_into !== null) continue;
      const matched = this.records[c.index] ?? personAsRecord(person);
      out.push({ person: summarise(person), probability: c.probability, explanation: explainPair(index.model, record, matched) });
    }
    return out;
  }
}
