// Browser import of a 50 MB CSV through the staged-import services (what the HTTP routes call): stage (bytes
// into the database), preview, fix one row near the end, list the problem rows, commit. Synthetic records.
// Run: /usr/bin/time -v node --import tsx bench/import/staged-bench.ts [records=250000]   (SQLite)
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { RECORD_COLUMNS } from '../../src/core/record/record.schemas.js';
import { generateEvents } from '../../src/core/synth/generate.js';
import type { SynthRecord } from '../../src/core/synth/synth.schemas.js';
import { openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import type { SessionUser } from '../../src/services/auth/auth.schemas.js';
import { writeRecords } from '../../src/services/files/record-writer.js';
import { commitStaged, stageImport } from '../../src/services/import/staged-import.service.js';
import { decideRow, listStagedRows, previewStaged } from '../../src/services/import/staged-review.service.js';

const OUT = join(import.meta.dirname, '..', 'out');
const records = Number(process.argv[2] ?? 250_000);
const user: SessionUser = { id: 'bench', username: 'bench', displayName: 'bench', role: 'verifier' };

async function makeFile(): Promise<string> {
  const file = join(OUT, `staged-${records}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(OUT, { recursive: true });
  function* rows(): Generator<SynthRecord> {
    let n = 0;
    for (const e of generateEvents({ persons: Math.ceil(records / 2.2), seed: 'staged-bench' })) {
      if (e.kind !== 'record') continue;
      if (n++ >= records) return;
      yield e.record;
    }
  }
  await writeRecords(file, 'csv', RECORD_COLUMNS, rows());
  // One row with no name near the end: the preview finds it, the reviewer fixes it.
  appendFileSync(file, `${RECORD_COLUMNS.map((c) => (c === 'record_id' ? 'bench-bad-row' : c === 'death_date' ? '1990' : '')).join(',')}\r\n`);
  return file;
}

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const [wall, c] = [performance.now(), cpu()];
  const result = await run();
  console.log(`${name.padEnd(34)} wall ${((performance.now() - wall) / 1000).toFixed(2).padStart(7)} s   cpu ${(cpu() - c).toFixed(2).padStart(7)} s   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  return result;
}

const file = await makeFile();
const size = statSync(file).size;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`file: ${records + 1} rows, ${(size / 2 ** 20).toFixed(1)} MB; SQLite`);
const dbFile = join(OUT, 'staged-bench.sqlite');
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
const db = await openDb(dbFile);
await migrateToLatest(db);
try {
  const staged = await step('stage (upload → database)', () => stageImport(db, user, { path: file, declared: 'csv', name: 'bench.csv' }));
  const preview = await step('preview (dry run, cache problems)', () => previewStaged(db, user, staged.id, {}));
  console.log(`  preview: ${preview.rows} rows, ${preview.errors} errors, ${preview.warnings} warnings, ${preview.problemRows} problem rows`);
  await step('list problem rows (100)', () => listStagedRows(db, user, staged.id, { problems: '1', limit: 100 }));
  const errorRows = await step('list rows with errors', () => listStagedRows(db, user, staged.id, { problems: 'errors' }));
  const bad = errorRows.rows[0]?.row ?? records + 2;
  await step(`fix row ${bad} (near the end)`, () => decideRow(db, user, staged.id, bad, { values: { full_name: 'Синтетов Образец' } }));
  const done = await step('commit (one transaction)', () => commitStaged(db, user, staged.id, {}));
  console.log(`  committed: ${done.persons} persons, ${done.claims} claims`);
} finally {
  await db.close();
}
