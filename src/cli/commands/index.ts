import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerBackupCommands } from './backup.js';
import { registerDbCommands } from './db.js';
import { registerEstimate } from './estimate.js';
import { registerPersonCommand } from './person.js';

/** Every `reckon` noun registers its subcommands here, one file per noun. */
export const COMMANDS: ((program: Command) => void)[] = [
  registerDbCommands,
  registerPersonCommand,
  registerBackupCommands,
  registerAuditCommand,
  registerEstimate];
