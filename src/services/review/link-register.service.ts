import type { Insertable } from 'kysely';
import { explainPair, type Explanation } from '../../core/linkage/explain.js';
import { prepareRows } from '../../core/linkage/prepare.js';
import { runLinkage } from '../../core/linkage/run-linkage.js';
import { probability } from '../../core/linkage/score.js';
import {
  modelSchema,
  parseSettings,
  type LinkageModel,
  type LinkageSettings,
} from '../../core/linkage/settings.schemas.js';
import defaultSettings from '../../core/linkage/settings/person-register.json' with { type: 'json' };
import { newId } from '../../core/ids.js';
import { sharpenWithLabels } from '../../core/review/labels.js';
import type { Db } from '../../db/database.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { finishJob, startJob } from '../../db/repositories/job.repository.js';
import {
  insertLinkPairs,
  insertLinkRun,
  knownPairKeys,
  listActivePersons,
  listDecidedPairs,
} from '../../db/repositories/linkage.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import type { LinkPairsTable } from '../../db/schema.js';
import { personAsRecord } from './person-rows.js';
import { linkRunSchema, type LinkRunInput } from './review.schemas.js';
import { mergePersons } from './merge.service.js';

/** Reckon's default linkage settings for the person register. */
export function registerSettings(): LinkageSettings {
  return parseSettings(defaultSettings);
}

export interface LinkRunSummary {
  runId: string;
  jobId: string;
  persons: number;
  candidatePairs: number;
  queued: number;
  autoMerged: number;
  labels: number;
}

async function labelExplanations(db: Db, model: LinkageModel): Promise<Explanation[]> {
  const out: Explanation[] = [];
  for (const pair of await listDecidedPairs(db.kysely)) {
    if (pair.state !== 'same') continue;
    const [a, b] = await Promise.all([
      findPerson(db.kysely, pair.person_a),
      findPerson(db.kysely, pair.person_b),
    ]);
    if (a && b) out.push(explainPair(model, personAsRecord(a), personAsRecord(b)));
  }
  return out;
}

/**
 * Links every person in the register against every other (as a job): pairs above the review threshold go
 * to the review queue (pairs already decided are never asked again); optionally the surest are merged.
 */
export async function linkRegister(
  db: Db,
  input: LinkRunInput,
  progress: (line: string) => void = () => undefined,
): Promise<LinkRunSummary> {
  const o = linkRunSchema.parse(input);
  const jobId = await startJob(db.kysely, {
    kind: 'linkage',
    actor: o.actor,
    params: { reviewFrom: o.reviewFrom, autoMergeFrom: o.autoMergeFrom ?? null },
  });
  try {
    const persons = await listActivePersons(db.kysely);
    const settings = registerSettings();
    const rows = prepareRows(settings, persons.map(personAsRecord));
    let run = runLinkage(settings, rows, undefined, { progress });
    let labels = 0;
    if (o.useLabels) {
      const matches = await labelExplanations(db, run.model);
      labels = matches.length;
      if (labels > 0) {
        progress(`sharpening the model with ${labels} reviewers' decisions`);
        run = runLinkage(settings, rows, undefined, {
          progress,
          model: sharpenWithLabels(run.model, matches),
        });
      }
    }
    const known = await knownPairKeys(db.kysely);
    const runId = newId();
    const now = new Date().toISOString();
    const queued: Insertable<LinkPairsTable>[] = [];
    const toMerge: [string, string][] = [];
    const { a, b } = run.blocking.pairs;
    for (let k = 0; k < run.blocking.pairs.length; k++) {
      const p = probability(run.weight[k] ?? -Infinity);
      if (p < o.reviewFrom) continue;
      const [x, y] = [persons[a[k] ?? 0]?.id ?? '', persons[b[k] ?? 0]?.id ?? ''].sort() as [string, string];
      if (known.has(`${x}|${y}`)) continue;
      known.add(`${x}|${y}`);
      if (o.autoMergeFrom !== undefined && p >= o.autoMergeFrom) toMerge.push([x, y]);
      else
        queued.push({
          id: newId(),
          run_id: runId,
          person_a: x,
          person_b: y,
          probability: p,
          explanation: null,
          state: 'pending',
          reason: null,
          decided_by: null,
          decided_at: null,
          created_at: now,
        });
    }
    queued.sort((p, q) => q.probability - p.probability);
    await db.kysely.transaction().execute(async (trx) => {
      await insertLinkRun(trx, {
        id: runId,
        job_id: jobId,
        settings_name: settings.name,
        persons: persons.length,
        candidate_pairs: run.blocking.pairs.length,
        queued: queued.length,
        model: toJson(run.model),
        created_by: o.actor,
        created_at: now,
      });
      await insertLinkPairs(trx, queued);
      await appendAudit(trx, db.dialect, {
        actor: o.actor,
        action: 'linkage.run',
        entity: 'link_run',
        entityId: runId,
        after: {
          persons: persons.length,
          candidatePairs: run.blocking.pairs.length,
          queued: queued.length,
          autoMerge: toMerge.length,
          labels,
        },
      });
    });
    let autoMerged = 0;
    for (const [x, y] of toMerge) {
      if (
        await mergePersons(db, {
          keep: x,
          merge: y,
          actor: o.actor,
          reason: `linkage run ${runId}: match probability ≥ ${o.autoMergeFrom ?? 1}`,
        }).then(
          () => true,
          () => false,
        )
      )
        autoMerged++;
    }
    const summary = {
      runId,
      jobId,
      persons: persons.length,
      candidatePairs: run.blocking.pairs.length,
      queued: queued.length,
      autoMerged,
      labels,
    };
    await finishJob(db.kysely, jobId, { result: summary });
    return summary;
  } catch (error) {
    await finishJob(db.kysely, jobId, { error: error instanceof Error ? error.message : 'failed' });
    throw error;
  }
}

/** The model a run trained (for explanations of its pairs). */
export function parseStoredModel(value: unknown): LinkageModel {
  return modelSchema.parse(fromJson(value));
}
