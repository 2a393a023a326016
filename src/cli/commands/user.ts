import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { AccountError, addUser, disableUser, listUsers, setRole } from '../../services/auth/user.service.js';
import { ROLES } from '../../services/auth/auth.schemas.js';
import { UserError } from '../cli-error.js';
import { log, printData, withDb } from '../context.js';

/** The new password: RECKON_PASSWORD, else the first line of stdin (typed without echo on a terminal); never argv. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.RECKON_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const muted = new Writable({ write: (_chunk, _enc, done) => { done(); } });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: process.stdin.isTTY });
  try {
    for await (const line of rl) return line;
    throw new UserError('no password given: pipe it on stdin or set RECKON_PASSWORD');
  } finally {
    rl.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
  }
}

async function accountErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AccountError) throw new UserError(error.message);
    throw error;
  }
}

/** `reckon user add|role|disable|list`: accounts for the web app (see docs/accounts.md). */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('accounts: add, change role, disable, list');
  user
    .command('add')
    .description(`add an account; the password comes from stdin or RECKON_PASSWORD, never the command line (roles: ${ROLES.join(', ')})`)
    .argument('<username>', 'login name (lower-case letters, digits, . _ -)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <display-name>', 'name shown in the app (default: the username)')
    .action(async (username: string, opts: { role: string; name?: string }, command: Command) => {
      const password = await readPassword();
      await withDb(command, async (db, g) => {
        const r = await accountErrors(() => addUser(db, { username, role: opts.role, password, actor: g.actor, ...(opts.name === undefined ? {} : { displayName: opts.name }) }));
        if (r.totp) log('this role needs a second factor: enrol the TOTP secret below in an authenticator app now; it is not shown again');
        printData(command, { ...r.user, ...(r.totp ? { totpSecret: r.totp.secret, otpauthUri: r.totp.uri } : {}) });
      });
    });
  user
    .command('role')
    .description("change an account's role (its sessions end)")
    .argument('<username>', 'login name')
    .argument('<role>', `one of ${ROLES.join(', ')}`)
    .action(async (username: string, role: string, _opts: unknown, command: Command) => {
      await withDb(command, async (db, g) => {
        const r = await accountErrors(() => setRole(db, { username, role, actor: g.actor }));
        if (r.totp) log('this role needs a second factor: enrol the TOTP secret below in an authenticator app now; it is not shown again');
        printData(command, { ...r.user, ...(r.totp ? { totpSecret: r.totp.secret, otpauthUri: r.totp.uri } : {}) });
      });
    });
  user
    .command('disable')
    .description('disable an account and end all its sessions')
    .argument('<username>', 'login name')
    .action(async (username: string, _opts: unknown, command: Command) => {
      await withDb(command, async (db, g) => {
        const r = await accountErrors(() => disableUser(db, { username, actor: g.actor }));
        printData(command, { ...r.user, sessionsEnded: r.sessionsEnded });
      });
    });
  user
    .command('list')
    .description('every account (never hashes or secrets)')
    .action(async (_opts: unknown, command: Command) => {
      await withDb(command, async (db) => {
        printData(command, await listUsers(db));
      });
    });
}
