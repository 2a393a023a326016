import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Database, DecisionNotesTable } from '../schema.js';

export type DecisionNoteRow = Selectable<DecisionNotesTable>;

/** Keeps the reason typed for a decision (inside the caller's transaction); returns the note's id for the audit event. */
export async function insertDecisionNote(db: Kysely<Database>, note: Omit<DecisionNoteRow, 'id'>): Promise<string> {
  const id = newId();
  await db.insertInto('decision_notes').values({ id, ...note }).execute();
  return id;
}

/** The notes with these ids, by id. */
export async function findDecisionNotes(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, DecisionNoteRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('decision_notes').selectAll().where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
