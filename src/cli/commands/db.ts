import type { Command } from 'commander';
import { openDb } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrator.js';
import { globalOptions, log, printData } from '../context.js';

async function migrate(command: Command): Promise<void> {
  const g = globalOptions(command);
  const db = await openDb(g.db);
  try {
    const applied = await migrateToLatest(db);
    log(applied.length === 0 ? `${db.label}: schema is up to date` : `${db.label}: applied ${applied.join(', ')}`);
    printData(command, { database: db.label, dialect: db.dialect, applied: applied.length });
  } finally {
    await db.close();
  }
}

/** `reckon init` and `reckon migrate`: create the register or bring its schema up to date. */
export function registerDbCommands(program: Command): void {
  program
    .command('init')
    .description('create an empty register (a SQLite file by default) with the latest schema')
    .action((_opts: unknown, command: Command) => migrate(command));
  program
    .command('migrate')
    .description('apply pending schema migrations (forward only)')
    .action((_opts: unknown, command: Command) => migrate(command));
}
