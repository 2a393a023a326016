// Login cost and whether timing reveals if an account exists (AUTH-PW, AUTH-THROTTLE).
// Run: node --import tsx bench/auth/login-timing.ts   (writes nothing outside a temp directory)
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTestDb } from '../../src/db/testing.js';
import { AuthService } from '../../src/services/auth/auth.service.js';
import { hashPassword, verifyPassword } from '../../src/services/auth/password.js';
import { addUser } from '../../src/services/auth/user.service.js';

const ROUNDS = 40;

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return `median ${q(0.5).toFixed(1)} ms, p10 ${q(0.1).toFixed(1)}, p90 ${q(0.9).toFixed(1)}`;
}

const hash = await hashPassword('a long enough passphrase');
const h: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await verifyPassword('a long enough passphrase', hash);
  h.push(performance.now() - t0);
}
console.log(`scrypt N=2^15 r=8 p=1 verify: ${stats(h)}`);

const t = await createTestDb('sqlite');
await addUser(t.db, { username: 'someone', role: 'contributor', password: 'a long enough passphrase', actor: 'bench' });
let clock = Date.parse('2026-12-02T00:00:00Z');
const auth = new AuthService(t.db, { now: () => clock });
await auth.login({ username: 'nobody', password: 'warm up the dummy hash' }, 'warm');
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  clock += 3_600_000; // past any backoff: measure the password check, not the throttle
  for (const [list, username] of [[known, 'someone'], [unknown, `nobody${i}`]] as const) {
    const t0 = performance.now();
    await auth.login({ username, password: `wrong guess ${i}` }, `client-${i}-${username}`);
    list.push(performance.now() - t0);
  }
}
console.log(`failed login, account exists:  ${stats(known)}`);
console.log(`failed login, no such account: ${stats(unknown)}`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
await t.dispose();
