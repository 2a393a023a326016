import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { sql, type Insertable, type Kysely } from 'kysely';
import { MAX_PARAMETERS } from '../dialect.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import { copyRows } from './pg-copy.js';

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

/** Rows of one table as their column names and all their values row after row: cheap to pass between threads. */
export interface FlatRows {
  columns: string[];
  values: unknown[];
}

/** Rows as FlatRows (the columns of the first row; a missing value is null). */
export function flattenRows(rows: readonly object[]): FlatRows {
  const first = rows[0];
  const columns = first ? Object.keys(first) : [];
  const values = new Array<unknown>(rows.length * columns.length);
  let k = 0;
  for (const row of rows as readonly Record<string, unknown>[]) for (const c of columns) values[k++] = row[c] ?? null;
  return { columns, values };
}

/** FlatRows back as one object per row. */
export function unflattenRows<R>(flat: FlatRows): R[] {
  const { columns, values } = flat;
  const n = columns.length;
  const rows: R[] = [];
  for (let k = 0; n > 0 && k < values.length; k += n) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) row[columns[i] ?? ''] = values[k + i];
    rows.push(row as R);
  }
  return rows;
}

/**
 * Inserts FlatRows in bulk: on SQLite's fast path straight from the flat values (no object per row), otherwise
 * as insertMany does.
 */
export async function insertFlat(db: Kysely<Database>, table: keyof Database, flat: FlatRows, path: BulkPath = null): Promise<void> {
  const { columns, values } = flat;
  if (columns.length === 0 || values.length === 0) return;
  if (path?.kind === 'sqlite') {
    const statement = cachedInsert(path.handle, table, columns);
    const n = columns.length;
    const params: unknown[] = new Array<unknown>(n);
    for (let k = 0; k < values.length; k += n) {
      for (let i = 0; i < n; i++) params[i] = values[k + i];
      statement.run(params);
    }
    return;
  }
  if (path?.kind === 'postgres' && path.client) {
    await copyRows(path.client, table, columns, values);
    return;
  }
  await insertMany(db, table, unflattenRows<Insertable<Database[typeof table]>>(flat), path);
}

/**
 * The fast bulk path a database offers; null for plain multi-row INSERTs. On PostgreSQL, `client` (the
 * connection a transaction runs on) allows COPY; without it, INSERT … SELECT FROM unnest().
 */
export type BulkPath = { kind: 'sqlite'; handle: SQLite.Database } | { kind: 'postgres'; client?: pg.ClientBase } | null;

/** The bulk path of an open register. */
export function bulkPathOf(db: Db): BulkPath {
  if (db.sqlite) return { kind: 'sqlite', handle: db.sqlite };
  return db.dialect === 'postgres' ? { kind: 'postgres' } : null;
}

/** The bulk path for writing inside a transaction: on PostgreSQL, COPY on the transaction's own connection. */
export async function bulkPathWithin(db: Db, trx: Kysely<Database>): Promise<BulkPath> {
  if (db.pgClientOf) return { kind: 'postgres', client: await db.pgClientOf(trx) };
  return bulkPathOf(db);
}

const pgTypes = new WeakMap<Kysely<Database>, Map<string, Map<string, string>>>();

/** PostgreSQL column types of a table in the current schema (cached per connection or transaction). */
async function columnTypes(db: Kysely<Database>, table: string): Promise<Map<string, string>> {
  let tables = pgTypes.get(db);
  if (!tables) {
    tables = new Map();
    pgTypes.set(db, tables);
  }
  const hit = tables.get(table);
  if (hit) return hit;
  const rows = await sql<{ column_name: string; udt_name: string }>`
    SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db);
  const types = new Map(rows.rows.map((r) => [r.column_name, r.udt_name]));
  tables.set(table, types);
  return types;
}

/**
 * Inserts rows in bulk. SQLite (given its raw handle, the one connection Kysely's transaction runs on): one
 * cached prepared statement per row, SQLite's fastest path. PostgreSQL: COPY when the path has the transaction's
 * client, else one INSERT … SELECT FROM unnest() per chunk, one array parameter per column instead of one
 * parameter per value. Otherwise: multi-row INSERTs within the parameter limit.
 */
export async function insertMany<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  path: BulkPath = null,
): Promise<void> {
  const sqlite = path?.kind === 'sqlite' ? path.handle : null;
  const postgres = path?.kind === 'postgres';
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const values = (row: Insertable<Database[T]>): Record<string, unknown> => row;
  if (sqlite) {
    const statement = cachedInsert(sqlite, table, columns);
    // One parameter array reused for every row: run() binds the values before it returns.
    const params: unknown[] = new Array<unknown>(columns.length);
    for (const row of rows) {
      const v = values(row);
      for (let i = 0; i < columns.length; i++) params[i] = v[columns[i] ?? ''] ?? null;
      statement.run(params);
    }
    return;
  }
  if (postgres && path.client) {
    await copyRows(path.client, table, columns, flattenRows(rows).values);
    return;
  }
  if (postgres) {
    const types = await columnTypes(db, table);
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000);
      const arrays = columns.map((c) => sql`${chunk.map((r) => values(r)[c] ?? null)}::${sql.raw(`${types.get(c) ?? 'text'}[]`)}`);
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
    }
    return;
  }
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}
