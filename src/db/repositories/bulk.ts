import type SQLite from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import { MAX_PARAMETERS } from '../dialect.js';
import type { Database } from '../schema.js';

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function cachedInsert(handle: SQLite.Database, table: string, columns: readonly string[]): SQLite.Statement {
  let cache = statements.get(handle);
  if (!cache) {
    cache = new Map();
    statements.set(handle, cache);
  }
  const key = `${table}(${columns.join(',')})`;
  let statement = cache.get(key);
  if (!statement) {
    statement = handle.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    cache.set(key, statement);
  }
  return statement;
}

/**
 * Inserts rows in as few statements as the parameter limit allows. Given the raw SQLite handle (the one
 * connection Kysely's transaction runs on), it uses one cached prepared statement per row instead: SQLite's
 * fastest path, several times quicker than compiling multi-row statements.
 */
export async function insertMany<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  sqlite?: SQLite.Database | null,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  if (sqlite) {
    const statement = cachedInsert(sqlite, table, columns);
    for (const row of rows) {
      const values: Record<string, unknown> = row;
      statement.run(columns.map((c) => values[c] ?? null));
    }
    return;
  }
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot narrow a generic table's insertable type; the rows are typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}
