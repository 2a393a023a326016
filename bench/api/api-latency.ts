// API latency at 200 requests/s on a register of 200,000 persons: person search (as spelt, and in the other
// script) and candidate lookup.
// Needs the register made by `node --import tsx bench/release/cut-from-register.ts 200000` (bench/out/).
// Trains a linkage model on it first (a `review run`, once; reused after). Server in this process,
// autocannon in a child process. Run: node --import tsx bench/api/api-latency.ts [seconds]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { canonicalName } from '../../src/core/translit/canonical.js';
import { openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { createApp } from '../../src/server/app.js';
import { addUser, listUsers } from '../../src/services/auth/user.service.js';
import { linkRegister } from '../../src/services/review/link-register.service.js';

const file = join(import.meta.dirname, '..', 'out', 'cut-from-register', 'register.sqlite');
if (!existsSync(file)) throw new Error(`no register at ${file}: run bench/release/cut-from-register.ts 200000 first`);
const seconds = process.argv[2] ?? '15';
const run = promisify(execFile);
const db = await openDb(file);
await migrateToLatest(db);
if ((await db.kysely.selectFrom('link_runs').select('id').executeTakeFirst()) === undefined) {
  const t = performance.now();
  const run = await linkRegister(db, { actor: 'bench', useLabels: false });
  console.log(`setup: linkage run over ${run.persons} persons, ${run.candidatePairs} candidate pairs, in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
const password = 'benchmark viewer of a synthetic register';
if (!(await listUsers(db)).some((u) => u.username === 'bench-viewer')) await addUser(db, { username: 'bench-viewer', role: 'viewer', password, actor: 'bench' });

const app = createApp({ db });
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
    resolve(s);
  });
});
const port = (server.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reckon-CSRF': '1', Origin: base }, body: JSON.stringify({ username: 'bench-viewer', password }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const sample = await db.kysely.selectFrom('persons').select(['surname', 'given_name', 'birth_date_text']).where('surname', 'is not', null).where('birth_date_text', 'is not', null).limit(1).offset(12_345).executeTakeFirstOrThrow();
const paths = {
  'person search': `/api/persons?q=${encodeURIComponent(sample.surname ?? '')}&limit=20`,
  // The same surname typed in Latin letters: found mostly by the canonical key (the Cyrillic spellings).
  'person search in the other script': `/api/persons?q=${encodeURIComponent(canonicalName(sample.surname ?? '', 'surname'))}&limit=20`,
  'candidate lookup': `/api/candidates?surname=${encodeURIComponent(sample.surname ?? '')}&given_name=${encodeURIComponent(sample.given_name ?? '')}&birth_date=${encodeURIComponent(sample.birth_date_text ?? '')}&limit=5`,
};
const t = performance.now();
await fetch(`${base}${paths['candidate lookup']}`, { headers: { cookie } }); // builds the candidate index once
console.log(`candidate index built on first lookup in ${((performance.now() - t) / 1000).toFixed(1)} s`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
async function load(name: string, path: string): Promise<void> {
  // Asynchronous: the server answers from this very process, so its event loop must stay free.
  const out = await run(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', '10', '-R', '200', '-d', seconds, '-j', '-H', `cookie=${cookie}`, `${base}${path}`], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .then((r) => r.stdout)
    .catch(() => '');
  if (out === '') {
    console.log(`${name}: autocannon failed`);
    return;
  }
  const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p99: number; max: number }; non2xx: number; errors: number };
  console.log(`${name}: ${r.requests.average} req/s (rate capped at 200), latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
}
for (const [name, path] of Object.entries(paths)) await load(name, path);

// While the candidate index is rebuilt: a merge changes the register (then is undone, directly in SQL: a bench
// shortcut), one lookup notices and starts the rebuild, and person search runs at 200 req/s meanwhile.
const [a, b] = await db.kysely.selectFrom('persons').select('id').where('merged_into', 'is', null).orderBy('id').limit(2).execute();
await db.kysely.updateTable('persons').set({ merged_into: a?.id ?? '' }).where('id', '=', b?.id ?? '').execute();
await new Promise((resolve) => setTimeout(resolve, 31_000)); // the server looks for changes at most every 30 s
const started = performance.now();
await fetch(`${base}${paths['candidate lookup']}`, { headers: { cookie } });
console.log(`a lookup after the change answered in ${Math.round(performance.now() - started)} ms (from the index as it was)`);
await load('person search during the rebuild', paths['person search']);
await load('candidate lookup after the rebuild', paths['candidate lookup']);
await db.kysely.updateTable('persons').set({ merged_into: null }).where('id', '=', b?.id ?? '').execute();
server.close();
await db.close();
