import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { generateBackupKeys, readPrivateKey, readPublicKey } from '../../services/backup/backup-crypto.js';
import { backupDatabase, BackupError, restoreDatabase } from '../../services/backup/backup.service.js';
import { globalOptions, log, printData, withDb } from '../context.js';

function readKeyFile(path: string, what: string): string {
  if (!existsSync(path)) throw new BackupError(`no ${what} at ${path}`);
  return readFileSync(path, 'utf8');
}

/** `reckon backup FILE`, `reckon backup keygen` and `reckon restore FILE`. */
export function registerBackupCommands(program: Command): void {
  const backup = program
    .command('backup')
    .description('back up the register to one encrypted file plus a manifest (safe while the register is in use)')
    .argument('[file]', 'new backup file')
    .addOption(new Option('--recipient <pem>', 'public key to encrypt to (from `reckon backup keygen`)').env('RECKON_BACKUP_RECIPIENT'))
    .option('--unencrypted', 'write a plain SQLite file instead (keep it on encrypted storage)')
    .action(async (file: string | undefined, opts: { recipient?: string; unencrypted?: boolean }, command: Command) => {
      if (file === undefined) throw new BackupError('name the new backup file: reckon backup FILE --recipient KEY.pub');
      if (opts.recipient === undefined && opts.unencrypted !== true) {
        throw new BackupError('backups are encrypted: pass --recipient KEY.pub (make a key pair with `reckon backup keygen --out DIR`), or --unencrypted for a plain file');
      }
      if (opts.recipient !== undefined && opts.unencrypted === true) throw new BackupError('choose --recipient or --unencrypted, not both');
      const recipient = opts.recipient === undefined ? undefined : readPublicKey(readKeyFile(opts.recipient, 'recipient key'));
      await withDb(command, async (db) => {
        const manifest = await backupDatabase(db, file, recipient ? { recipient } : {});
        log(`backup written: ${file}${recipient ? ' (encrypted)' : ' (NOT encrypted)'} (manifest ${file}.manifest.json)`);
        printData(command, { file, sha256: manifest.sha256, encrypted: recipient !== undefined, ...manifest.rows });
      });
    });
  backup
    .command('keygen')
    .description('make a backup key pair: backup-key.pub for the server, backup-key (private) for whoever restores')
    .requiredOption('--out <dir>', 'folder for backup-key and backup-key.pub')
    .action((opts: { out: string }, command: Command) => {
      const privatePath = join(opts.out, 'backup-key');
      const publicPath = join(opts.out, 'backup-key.pub');
      if (existsSync(privatePath) || existsSync(publicPath)) throw new BackupError(`${opts.out} already holds a backup key; keys are never overwritten`);
      const keys = generateBackupKeys();
      writeFileSync(privatePath, keys.privatePem, { mode: 0o600, flag: 'wx' });
      writeFileSync(publicPath, keys.publicPem, { mode: 0o644, flag: 'wx' });
      log(`backup keys written: ${publicPath} (give to the server) and ${privatePath} (keep OFF the server; without it no backup can be restored)`);
      printData(command, { publicKey: publicPath, privateKey: privatePath });
    });
  program
    .command('restore')
    .description('restore a backup into an empty register (--db: a new SQLite file or an empty PostgreSQL database) and check it')
    .argument('<file>', 'backup file made by `reckon backup`')
    .addOption(new Option('--schema <name>', 'PostgreSQL schema to restore into'))
    .addOption(new Option('--identity <pem>', 'private key an encrypted backup was made for').env('RECKON_BACKUP_IDENTITY'))
    .action(async (file: string, opts: { schema?: string; identity?: string }, command: Command) => {
      const g = globalOptions(command);
      const identity = opts.identity === undefined ? undefined : readPrivateKey(readKeyFile(opts.identity, 'identity key'));
      const result = await restoreDatabase(file, g.db, opts.schema, identity ? { identity } : {});
      log(`restored into ${g.db.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')} in ${result.seconds.toFixed(2)} s; row counts and audit chain match the manifest`);
      printData(command, { seconds: Number(result.seconds.toFixed(3)), ...result.rows });
    });
}
