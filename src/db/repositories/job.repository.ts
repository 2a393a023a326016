import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../core/ids.js';
import { toJson } from '../dialect.js';
import type { Database, JobsTable } from '../schema.js';

export type JobRow = Selectable<JobsTable>;

/** Starts a job (long work with progress: linkage runs, estimates, releases). */
export async function startJob(db: Kysely<Database>, j: { kind: string; actor: string; params?: unknown }): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.insertInto('jobs').values({ id, kind: j.kind, state: 'running', progress: 0, total: null, params: toJson(j.params), result: null, error: null, created_by: j.actor, created_at: now, started_at: now, finished_at: null }).execute();
  return id;
}

/** Ends a job with its result or error. */
export async function finishJob(db: Kysely<Database>, id: string, outcome: { result?: unknown; error?: string }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: outcome.error === undefined ? 'done' : 'failed', result: toJson(outcome.result), error: outcome.error ?? null, finished_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Jobs, newest first. */
export function listJobs(db: Kysely<Database>, limit: number): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
