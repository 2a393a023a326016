import { sql, type RawBuilder } from 'kysely';

/** The two databases Reckon runs on. Every difference between them lives in this module. */
export type DialectName = 'sqlite' | 'postgres';

/** True when a --db / DATABASE_URL value names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Column type for JSON documents: text in SQLite, jsonb in PostgreSQL. */
export function jsonColumnType(dialect: DialectName): 'text' | 'jsonb' {
  return dialect === 'postgres' ? 'jsonb' : 'text';
}

/** Column type for raw bytes: blob in SQLite, bytea in PostgreSQL (both drivers read and write Buffers). */
export function blobColumnType(dialect: DialectName): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** Serialises a value for a JSON column; both databases accept JSON text on insert. */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Reads a JSON column: PostgreSQL's driver returns parsed jsonb, SQLite returns text. */
export function fromJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/** Statements that make the audit log append-only (AUD-APPEND). */
export function appendOnlyTriggers(dialect: DialectName, table: string): RawBuilder<unknown>[] {
  const message = `${table} is append-only`;
  if (dialect === 'sqlite') {
    return ['UPDATE', 'DELETE'].map((op) =>
      sql.raw(
        `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`,
      ),
    );
  }
  return [
    sql.raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$ LANGUAGE plpgsql`,
    ),
    sql.raw(
      `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    ),
    sql.raw(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
    ),
  ];
}

/** Largest number of bound parameters we put in one statement (SQLite allows 32,766; PostgreSQL 65,535). */
export const MAX_PARAMETERS = 30_000;

/** Serialises writers of the audit hash chain inside a transaction (SQLite already has one writer). */
export function lockAuditChain(dialect: DialectName): RawBuilder<unknown> | null {
  return dialect === 'postgres' ? sql`SELECT pg_advisory_xact_lock(7402061)` : null;
}

/** After rows were inserted with explicit serial values, moves PostgreSQL's sequence past them. */
export function resyncSerial(dialect: DialectName, table: string, column: string): RawBuilder<unknown> | null {
  if (dialect !== 'postgres') return null;
  return sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), COALESCE((SELECT MAX(${column}) FROM ${table}), 0) + 1, false)`);
}

/**
 * A prefix match on a lower-case key column that an index can serve: a range in code-point order
 * (SQLite's BINARY collation; PostgreSQL with COLLATE "C", indexed by the name-search migration).
 */
export function keyPrefixRange(dialect: DialectName, column: string, prefix: string): RawBuilder<boolean> {
  const upper = `${prefix}\uffff`;
  return dialect === 'postgres'
    ? sql<boolean>`(${sql.ref(column)} COLLATE "C" >= ${prefix} AND ${sql.ref(column)} COLLATE "C" < ${upper})`
    : sql<boolean>`(${sql.ref(column)} >= ${prefix} AND ${sql.ref(column)} < ${upper})`;
}

/** Orders by a key column in code-point order on both databases (what keyPrefixRange's index reads along). */
export function keyOrder(dialect: DialectName, column: string): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`${sql.ref(column)} COLLATE "C"` : sql<string>`${sql.ref(column)}`;
}
