// End to end: cut a release from a SQLite register of N confirmed persons (query, projection, site, signature).
// Setup (not timed): the synthetic register is imported with the import service, then every person is marked
// confirmed with one verification row each by direct SQL (a bench shortcut: 200,000 reviewed decisions one
// by one would take an afternoon). Run: node --import tsx bench/release/cut-from-register.ts [persons]
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateEvents } from '../../src/core/synth/generate.js';
import { DEFAULT_RULE } from '../../src/core/verification/confirmation-rule.js';
import { openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { importRecords, type ImportRow } from '../../src/services/import/import.service.js';
import { cutRelease } from '../../src/services/publication/cut-release.service.js';

const persons = Number(process.argv[2] ?? 200_000);
const out = join(import.meta.dirname, '..', 'out', 'cut-from-register');
const reuse = process.argv.includes('--reuse') && existsSync(join(out, 'register.sqlite'));
if (!reuse) rmSync(out, { recursive: true, force: true });
rmSync(join(out, 'release'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const db = await openDb(join(out, 'register.sqlite'));
await migrateToLatest(db);

function* rows(): Generator<ImportRow> {
  let row = 1;
  for (const e of generateEvents({ persons, seed: 'cut-bench' })) {
    if (e.kind === 'record') yield { row: ++row, record: { ...e.record, extra: { person_id: e.personId } } };
  }
}
const now = new Date().toISOString();
let t = performance.now();
if (!reuse) await setup();
async function setup(): Promise<void> {
  const imported = await importRecords(db, rows(), {
    actor: 'bench',
    fileName: 'synthetic',
    fileSha256: '0'.repeat(64),
    format: 'csv',
    personColumn: 'person_id',
  });
  console.log(
    `setup: imported ${imported.persons} persons from ${imported.claims} records in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const handle = db.sqlite;
  if (!handle) throw new Error('SQLite expected');
  handle.exec(`UPDATE persons SET verification = 'confirmed'`);
  handle.exec(`INSERT INTO verifications (id, person_id, from_state, to_state, reason, rule_version, decided_by, decided_at)
  SELECT 'v-' || id, id, 'reported', 'confirmed', 'bench', '${DEFAULT_RULE.version}', 'bench-editor', '${now}' FROM persons`);
}

const { privateKey } = generateKeyPairSync('ed25519');
const cpu0 = process.cpuUsage();
t = performance.now();
const cut = await cutRelease(db, DEFAULT_RULE, {
  date: '2099-12-31',
  note: 'Synthetic benchmark release.',
  outDir: join(out, 'release'),
  privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  actor: 'bench',
  preview: true,
});
const wall = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `cut release from the register: ${cut.total} confirmed persons, ${cut.files} files, ${(cut.bytes / 2 ** 20).toFixed(0)} MiB in ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
await db.close();
