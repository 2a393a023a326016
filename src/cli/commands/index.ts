import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerBackupCommands } from './backup.js';
import { registerDbCommands } from './db.js';
import { registerDemoCommand } from './demo.js';
import { registerEstimate } from './estimate.js';
import { registerEvidenceCommand } from './evidence.js';
import { registerExportCommand } from './export.js';
import { registerImportCommand } from './import.js';
import { registerLinkCommand } from './link.js';
import { registerPersonCommand } from './person.js';
import { registerReleaseCommand } from './release.js';
import { registerReviewCommand } from './review.js';
import { registerServeCommand } from './serve.js';
import { registerUserCommand } from './user.js';
import { registerVerifyCommand } from './verify.js';
import { registerVerifyReleaseCommand } from './verify-release.js';

/** Every `reckon` noun registers its subcommands here, one file per noun. */
export const COMMANDS: ((program: Command) => void)[] = [
  registerDbCommands,
  registerImportCommand,
  registerExportCommand,
  registerDemoCommand,
  registerPersonCommand,
  registerBackupCommands,
  registerAuditCommand,
  registerVerifyCommand,
  registerReleaseCommand,
  registerEvidenceCommand,
  registerReviewCommand,
  registerServeCommand,
  registerEstimate,
  registerLinkCommand,
  registerVerifyReleaseCommand,
  registerUserCommand];
