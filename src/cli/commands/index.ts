import type { Command } from 'commander';

/** Every `reckon` noun registers its subcommands here, one file per noun. */
export const COMMANDS: ((program: Command) => void)[] = [];
