import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfirmationRule } from '../../config.js';
import { cutRelease, ReleaseRefused } from '../../services/publication/cut-release.service.js';
import { ensureSigningKey } from '../../services/publication/release-keys.js';
import { UserError } from '../cli-error.js';
import { dataDirOf, log, printData, withDb } from '../context.js';

/** `reckon release --date D --note FILE`: cut a dated, signed release of the confirmed register. */
export function registerReleaseCommand(program: Command): void {
  program
    .command('release')
    .description('freeze the confirmed register into a dated, signed static site (one release per date)')
    .requiredOption('--date <yyyy-mm-dd>', 'the date of the named list')
    .requiredOption('--note <file>', 'methodology note for this release (markdown or plain text)')
    .option('--out <dir>', 'release folder (default: releases/DATE beside the register)')
    .addOption(new Option('--key <file>', 'Ed25519 private key PEM; created with its .pub.pem on first use (default: keys/release-ed25519.pem beside the register)').env('RECKON_RELEASE_KEY'))
    .addOption(new Option('--rule <file>', 'confirmation rule JSON (default: the built-in rule)').env('RECKON_RULE'))
    .option('--preview', 'write the site without recording the release')
    .action(async (opts: { date: string; note: string; out?: string; key?: string; rule?: string; preview?: boolean }, command: Command) => {
      let note: string;
      try {
        note = readFileSync(opts.note, 'utf8');
      } catch {
        throw new UserError(`--note: cannot read ${opts.note}`);
      }
      const rule = loadConfirmationRule(opts.rule);
      await withDb(command, async (db, g) => {
        const base = dataDirOf(g.db);
        const key = await ensureSigningKey(opts.key ?? join(base, 'keys', 'release-ed25519.pem'));
        if (key.created) log(`created a release signing key; publish ${key.publicKeyPath} so anyone can verify your releases`);
        try {
          const r = await cutRelease(db, rule, { date: opts.date, note, outDir: opts.out ?? join(base, 'releases', opts.date), privateKeyPem: key.privateKeyPem, actor: g.actor, preview: opts.preview ?? false });
          log(`${r.recorded ? 'release' : 'preview'} written to ${r.dir}: ${r.total} confirmed deaths, ${r.files} files`);
          printData(command, { date: opts.date, total: r.total, dir: r.dir, files: r.files, bytes: r.bytes, recorded: r.recorded, publicKey: key.publicKeyPath });
        } catch (error) {
          if (error instanceof ReleaseRefused) throw new UserError(error.message);
          throw error;
        }
      });
    });
}
