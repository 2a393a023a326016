import { Command, CommanderError, Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import { UserError } from './cli-error.js';

/** Builds the `reckon` program with its global options and every command. */
export function buildProgram(): Command {
  const program = new Command('reckon')
    .description('Reckon: a source-verified register of the dead and the persecuted of a war')
    .addOption(
      new Option('--db <url>', 'SQLite file path or postgres:// URL').env('DATABASE_URL').default('./data/reckon.sqlite'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table', 'csv']).env('RECKON_FORMAT').default('table'))
    .addOption(new Option('--as <user>', 'who is acting, recorded in the audit log').env('RECKON_USER'))
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI; returns the process exit code. Errors become one clear line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 1;
    }
    const message = error instanceof UserError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`reckon: ${message}\n`);
    if (!(error instanceof UserError) && process.env.RECKON_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
