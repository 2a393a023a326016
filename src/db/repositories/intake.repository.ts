import type { Kysely, Selectable } from 'kysely';
import type { Database, SourcesTable } from '../schema.js';

export type SourceRow = Selectable<SourcesTable>;

/** One source by id. */
export function findSource(db: Kysely<Database>, id: string): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
}
