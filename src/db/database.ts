import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { SchemaScopedPostgresDialect } from './pg-schema-introspector.js';
import pg from 'pg';
import { isPostgresUrl, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

/** An open register database: Kysely on top, plus what only one dialect has. */
export interface Db {
  readonly dialect: DialectName;
  readonly kysely: Kysely<Database>;
  /** The raw SQLite handle (backup API, pragmas); null on PostgreSQL. */
  readonly sqlite: SQLite.Database | null;
  /** PostgreSQL: the client a transaction (or any Kysely on one connection) runs on, for COPY; null on SQLite. */
  readonly pgClientOf: ((db: Kysely<Database>) => Promise<pg.ClientBase>) | null;
  /** The PostgreSQL schema the register lives in; null on SQLite. */
  readonly schema: string | null;
  /** A short description for messages, never including a password. */
  readonly label: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each run its own); created if missing. */
  schema?: string;
  readonly?: boolean;
}

const REQUIRED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1 } as const;

/** Opens a SQLite file with the durability settings DB-CRASH requires, and checks they took. */
function openSqlite(path: string, options: OpenOptions): Db {
  const file = resolve(path);
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
  const handle = new SQLite(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
      const actual: unknown = handle.pragma(name, { simple: true });
      if (actual !== expected) throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${expected}`);
    }
  }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    dialect: 'sqlite',
    kysely,
    sqlite: handle,
    pgClientOf: null,
    schema: null,
    label: file,
    close: () => kysely.destroy(),
  };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function searchPathOf(url: string): string | undefined {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /search_path=([a-z_][a-z0-9_]*)/.exec(options)?.[1];
  } catch {
    return undefined;
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<Db> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  if (schema !== undefined) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // The pool's clients by backend process id: a transaction asks its connection for pg_backend_pid() and gets
  // the client it runs on (Kysely does not hand out its clients).
  const clients = new Map<number, pg.PoolClient>();
  const pidOf = (client: pg.PoolClient): number | null => (client as unknown as { processID: number | null }).processID;
  pool.on('connect', (client) => {
    const pid = pidOf(client);
    if (pid !== null) clients.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = pidOf(client);
    if (pid !== null) clients.delete(pid);
  });
  const kysely = new Kysely<Database>({ dialect: new SchemaScopedPostgresDialect({ pool }) });
  const pgClientOf = async (on: Kysely<Database>): Promise<pg.ClientBase> => {
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(on);
    const client = clients.get(Number(rows[0]?.pid));
    if (!client) throw new Error('the PostgreSQL connection of this transaction is not one of the pool’s');
    return client;
  };
  return {
    dialect: 'postgres',
    kysely,
    sqlite: null,
    pgClientOf,
    schema: schema ?? searchPathOf(url) ?? 'public',
    label: redactUrl(url) + (schema ? ` (schema ${schema})` : ''),
    close: () => kysely.destroy(),
  };
}

/** Opens the database a `--db` value names: a postgres:// URL or a SQLite file path. */
export async function openDb(url: string, options: OpenOptions = {}): Promise<Db> {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url, options);
}
