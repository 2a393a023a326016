import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerBackupCommands } from './backup.js';
import { registerDbCommands } from './db.js';
import { registerEstimate } from './estimate.js';
import { registerLinkCommand } from './link.js';
import { registerPersonCommand } from './person.js';
import { registerVerifyCommand } from './verify.js';
import { registerVerifyReleaseCommand } from './verify-release.js';

/** Every `reckon` noun registers its subcommands here, one file per noun. */
export const COMMANDS: ((program: Command) => void)[] = [
  registerDbCommands,
  registerPersonCommand,
  registerBackupCommands,
  registerAuditCommand,
  registerVerifyCommand,
  registerEstimate,
  registerLinkCommand,
  registerVerifyReleaseCommand];
