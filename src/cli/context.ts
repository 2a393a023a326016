import type { Command } from 'commander';
import { outputFormatSchema, type OutputFormat } from './output.js';

export interface GlobalOptions {
  db: string;
  format: OutputFormat;
}

/** The global `--db` and `--format` options as seen from any subcommand. */
export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ db: string; format: string }>();
  return { db: opts.db, format: outputFormatSchema.parse(opts.format) };
}
