import { buildCandidateIndex, buildCandidateIndexInSlices, findCandidates, type CandidateIndex } from '../../core/linkage/candidate-index.js';
import { explainPair, type Explanation } from '../../core/linkage/explain.js';
import type { RawRow } from '../../core/linkage/dataset.js';
import type { LinkageModel } from '../../core/linkage/settings.schemas.js';
import type { Db } from '../../db/database.js';
import { listOpenAliases } from '../../db/repositories/alias.repository.js';
import { latestLinkModel, pageActivePersons } from '../../db/repositories/linkage.repository.js';
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
 * The index is built on the first lookup (from the latest linkage run's model; that lookup holds the server's
 * thread for the build) and rebuilt in the background, in slices that leave the server answering, when
 * persons, their names or the model have changed.
 */
/** Hands the thread back to the event loop (between slices of a long build). */
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const PAGE = 1_000;
const persons = (signature: string): number => Number(signature.split(':')[0]);

export class CandidateFinder {
  /** The index and its rows as given: each person's own record, then one more per other name it is known by. */
  private built: { index: CandidateIndex; records: RawRow[] } | null = null;
  private builtAt = '';
  private checkedAt = -Infinity;
  private rebuilding: Promise<void> | null = null;

  /**
   * `recheckMs`: how often to look whether the register changed (three counts: milliseconds). `waitUpTo`: up to
   * this many persons a lookup waits for the rebuild it needs (about a second of CPU at 20,000).
   */
  constructor(
    private readonly db: Db,
    private readonly recheckMs = 30_000,
    private readonly waitUpTo = 20_000,
  ) {}

  /** Resolves once no rebuild is running (for tests, and for callers that want the register as it is now). */
  async idle(): Promise<void> {
    while (this.rebuilding !== null) await this.rebuilding;
  }

  private async ensureIndex(): Promise<{ index: CandidateIndex; records: RawRow[] } | null> {
    const now = Date.now();
    if (this.built !== null && now - this.checkedAt < this.recheckMs) return this.built;
    this.checkedAt = now;
    const signature = await registerSignature(this.db.kysely);
    if (this.built !== null && signature === this.builtAt) return this.built;
    // The first build, and a rebuild of a small register (about a second), are waited for. A large register's
    // is rebuilt in the background, in slices that leave the server answering, and lookups meanwhile use the
    // index as it was (a failed rebuild keeps it, and the next look tries again).
    if (this.built === null || persons(signature) <= this.waitUpTo) {
      await this.rebuild(signature);
      return this.built;
    }
    this.rebuild(signature).catch(() => {
      this.checkedAt = -Infinity;
    });
    return this.built;
  }

  private rebuild(signature: string): Promise<void> {
    this.rebuilding ??= this.build(signature).finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  private async build(signature: string): Promise<void> {
    const stored = await latestLinkModel(this.db.kysely);
    if (stored === undefined) return;
    const model: LinkageModel = parseStoredModel(stored);
    const own = new Map<string, RawRow>();
    for (let after = ''; ; ) {
      const page = await pageActivePersons(this.db.kysely, after, PAGE);
      for (const p of page) own.set(p.id, personAsRecord(p));
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      after = last.id;
      await pause();
    }
    // An alias is the person's record under that other name, so a typed-in record spelt so finds the person.
    const aliased: RawRow[] = [];
    for (const a of await listOpenAliases(this.db.kysely)) {
      const record = own.get(a.person_id);
      if (!record) continue;
      const { surname: _s, given_name: _g, patronymic: _p, full_name: _f, ...rest } = record;
      aliased.push({ ...rest, full_name: a.alias });
    }
    const records = [...own.values(), ...aliased];
    // The first build in one go (its lookup waits anyway; an index built in slices answered lookups with a worse
    // tail on the bench, p99 140 ms against 70 ms, for reasons not found), a rebuild in slices.
    this.built = { index: this.built === null ? buildCandidateIndex(model, records) : await buildCandidateIndexInSlices(model, records, pause), records };
    this.builtAt = signature;
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
