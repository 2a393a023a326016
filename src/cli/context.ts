import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { openDb, type Db } from '../db/database.js';
import { isPostgresUrl } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrator.js';
import { formatOutput, outputFormatSchema, type OutputFormat, type Printable } from './output.js';

export interface GlobalOptions {
  db: string;
  format: OutputFormat;
  /** Who is acting, for the audit log. */
  actor: string;
}

/** The global options as seen from any subcommand. */
export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ db: string; format: string; as?: string }>();
  return { db: opts.db, format: outputFormatSchema.parse(opts.format), actor: opts.as ?? `cli:${userInfo().username}` };
}

/** Opens the register named by --db (migrating it to the latest schema), runs `fn`, and closes it. */
export async function withDb<T>(command: Command, fn: (db: Db, opts: GlobalOptions) => Promise<T>): Promise<T> {
  const opts = globalOptions(command);
  const db = await openDb(opts.db);
  try {
    await migrateToLatest(db);
    return await fn(db, opts);
  } finally {
    await db.close();
  }
}

/** Writes data to stdout in the chosen --format. */
export function printData(command: Command, data: Printable): void {
  process.stdout.write(formatOutput(data, globalOptions(command).format));
}

/** Progress and notes go to stderr, never stdout. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The folder beside the register where keys, releases and evidence live (./data for PostgreSQL). */
export function dataDirOf(db: string): string {
  return isPostgresUrl(db) ? resolve('data') : dirname(resolve(db));
}
