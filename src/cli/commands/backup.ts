import { Command, Option } from 'commander';
import { backupDatabase, restoreDatabase } from '../../services/backup/backup.service.js';
import { globalOptions, log, printData, withDb } from '../context.js';

/** `reckon backup FILE` and `reckon restore FILE`. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('back up the register to one SQLite file plus a manifest (safe while the register is in use)')
    .argument('<file>', 'new backup file')
    .action(async (file: string, _opts: unknown, command: Command) => {
      await withDb(command, async (db) => {
        const manifest = await backupDatabase(db, file);
        log(`backup written: ${file} (manifest ${file}.manifest.json)`);
        printData(command, { file, sha256: manifest.sha256, ...manifest.rows });
      });
    });
  program
    .command('restore')
    .description('restore a backup into an empty register (--db: a new SQLite file or an empty PostgreSQL database) and check it')
    .argument('<file>', 'backup file made by `reckon backup`')
    .addOption(new Option('--schema <name>', 'PostgreSQL schema to restore into'))
    .action(async (file: string, opts: { schema?: string }, command: Command) => {
      const g = globalOptions(command);
      const result = await restoreDatabase(file, g.db, opts.schema);
      log(`restored into ${g.db.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')} in ${result.seconds.toFixed(2)} s; row counts and audit chain match the manifest`);
      printData(command, { seconds: Number(result.seconds.toFixed(3)), ...result.rows });
    });
}
