import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { verifyRelease } from '../../services/release/verify-release.js';
import { UserError } from '../cli-error.js';
import { globalOptions } from '../context.js';
import { formatOutput } from '../output.js';

function readKey(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`--key: cannot read public key file ${path}`);
  }
}

/** `reckon verify-release DIR --key PUB.pem`: exit 0 when every file matches the signed manifest. */
export function registerVerifyReleaseCommand(program: Command): void {
  program
    .command('verify-release')
    .description('check a release folder (or a mirror of it) against its signed manifest and a trusted public key')
    .argument('<dir>', 'release folder')
    .addOption(new Option('--key <file>', 'trusted Ed25519 public key, PEM (env RECKON_RELEASE_PUBLIC_KEY)').env('RECKON_RELEASE_PUBLIC_KEY').makeOptionMandatory())
    .action((dir: string, flags: { key: string }, command: Command) => {
      const { format } = globalOptions(command);
      const result = verifyRelease(dir, readKey(flags.key));
      const first = result.problems[0];
      if (!result.ok || first) {
        const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
        throw new UserError(`release verification failed: ${first?.problem ?? 'unknown problem'}: ${first?.path ?? dir}${more}`);
      }
      process.stdout.write(formatOutput({ status: 'ok', release: result.release, files: result.files, keyFingerprint: result.fingerprint }, format));
    });
}
