import type { Insertable, Kysely } from 'kysely';
import type { Database, ImportsTable } from '../schema.js';

/** Records one committed import. */
export async function insertImport(db: Kysely<Database>, row: Insertable<ImportsTable>): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

/** Sets the row count once an import has read its whole file. */
export async function setImportRows(db: Kysely<Database>, id: string, rows: number): Promise<void> {
  await db.updateTable('imports').set({ rows }).where('id', '=', id).execute();
}
