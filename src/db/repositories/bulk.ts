import type { Insertable, Kysely } from 'kysely';
import { MAX_PARAMETERS } from '../dialect.js';
import type { Database } from '../schema.js';

/** Inserts rows in as few statements as the parameter limit allows. */
export async function insertMany<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const perRow = Math.max(1, Object.keys(first).length);
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot narrow a generic table's insertable type; the rows are typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}
