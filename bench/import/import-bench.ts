// Import speed: 100,000 synthetic demo records into SQLite and PostgreSQL through `reckon import`'s service,
// beside a raw better-sqlite3 insert loop of the same rows (the physical reference).
// Run: node --import tsx bench/import/import-bench.ts [records]; `… import-bench.ts sqlite|sqlite-one-thread|postgres|
// postgres-one-thread FILE` runs one import of FILE (the default reads in a worker thread, as `reckon import` does).
// Each measurement runs in its own child process so peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { RECORD_COLUMNS } from '../../src/core/record/record.schemas.js';
import { generateEvents } from '../../src/core/synth/generate.js';
import type { SynthRecord } from '../../src/core/synth/synth.schemas.js';
import { openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { writeRecords } from '../../src/services/files/record-writer.js';
import { importFile } from '../../src/services/import/import-file.js';
import { claimRow, personValues, sourceRow } from '../../src/services/import/import-batch.js';
import { deriveRecord } from '../../src/core/record/record-to-person.js';

const OUT = join(import.meta.dirname, '..', 'out');
const PG_URL = process.env.RECKON_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function makeFile(records: number): Promise<string> {
  const file = join(OUT, `records-${records}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(OUT, { recursive: true });
  function* rows(): Generator<SynthRecord> {
    let n = 0;
    for (const e of generateEvents({ persons: Math.ceil(records / 2.2), seed: 'bench' })) {
      if (e.kind !== 'record') continue;
      if (n++ >= records) return;
      yield e.record;
    }
  }
  await writeRecords(file, 'csv', RECORD_COLUMNS, rows());
  return file;
}

function raw(file: string): Record<string, number> {
  const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true });
  const dbFile = join(OUT, 'raw.sqlite');
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE records (id INTEGER PRIMARY KEY, ${RECORD_COLUMNS.map((c) => `${c} TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO records (${RECORD_COLUMNS.join(', ')}) VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')})`);
  const started = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(RECORD_COLUMNS.map((c) => r[c] ?? null));
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { rows: rows.length, seconds };
}

// The same rows Reckon stores (persons, sources, claims, derived as the import derives them), inserted by a raw
// prepared-statement loop into Reckon's own schema: what the storage alone costs, without parsing.
async function rawSchema(file: string): Promise<Record<string, number>> {
  const records: Record<string, string>[] = parse(readFileSync(file), { columns: true });
  const url = join(OUT, 'raw-schema.sqlite');
  for (const f of [url, `${url}-wal`, `${url}-shm`]) rmSync(f, { force: true });
  const db = await openDb(url);
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const rows = records.map((record, i) => {
    const derived = deriveRecord(record);
    const ctx = { importId: 'raw', actor: 'bench', now, rowNumber: i + 2 };
    const personId = `p${i}`;
    const source = sourceRow(record, derived, ctx);
    return { person: { id: personId, ...personValues(derived), created_by: 'bench', created_at: now, updated_at: now }, source, claim: { ...claimRow(record, personId, source.id, ctx), import_id: null } };
  });
  const handle = db.sqlite;
  if (!handle) throw new Error('sqlite expected');
  const insert = (table: string, row: object) => {
    const cols = Object.keys(row);
    return { stmt: handle.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`), cols };
  };
  const first = rows[0];
  if (!first) throw new Error('no rows');
  const [ip, is, ic] = [insert('persons', first.person), insert('sources', { ...first.source, import_id: null }), insert('claims', first.claim)];
  const started = performance.now();
  handle.transaction(() => {
    for (const r of rows) {
      ip.stmt.run(ip.cols.map((c) => (r.person as Record<string, unknown>)[c] ?? null));
      is.stmt.run(is.cols.map((c) => (c === 'import_id' ? null : (r.source as Record<string, unknown>)[c]) ?? null));
      ic.stmt.run(ic.cols.map((c) => (r.claim as Record<string, unknown>)[c] ?? null));
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return { rows: rows.length, seconds };
}

async function reckon(file: string, target: 'sqlite' | 'postgres', worker: boolean): Promise<Record<string, number>> {
  let url = join(OUT, 'reckon.sqlite');
  const schema = `bench_${Date.now().toString(36)}`;
  if (target === 'sqlite') for (const f of [url, `${url}-wal`, `${url}-shm`]) rmSync(f, { force: true });
  else url = PG_URL;
  const db = await openDb(url, target === 'postgres' ? { schema } : {});
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = await importFile(db, file, { actor: 'bench', worker });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { rows: summary.rows, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    await db.close();
    if (target === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    }
  }
}

const [, , mode, file] = process.argv;
const IMPORT_MODES = { sqlite: ['sqlite', true], 'sqlite-one-thread': ['sqlite', false], postgres: ['postgres', true], 'postgres-one-thread': ['postgres', false] } as const;
const importMode = (m: string | undefined): (typeof IMPORT_MODES)[keyof typeof IMPORT_MODES] | undefined => (m !== undefined && m in IMPORT_MODES ? IMPORT_MODES[m as keyof typeof IMPORT_MODES] : undefined);
const imported = importMode(mode);
if (mode === 'raw' || mode === 'raw-schema' || imported) {
  const result = mode === 'raw' ? raw(file ?? '') : mode === 'raw-schema' ? await rawSchema(file ?? '') : await reckon(file ?? '', imported?.[0] ?? 'sqlite', imported?.[1] ?? true);
  process.stdout.write(JSON.stringify({ ...result, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
} else {
  const records = Number(mode ?? 100_000);
  const csv = await makeFile(records);
  const run = (m: string): { rows: number; seconds: number; peakRssMB: number } =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, m, csv], { encoding: 'utf8' })) as { rows: number; seconds: number; peakRssMB: number };
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  const rawResult = run('raw');
  console.log(`raw better-sqlite3 loop: ${rawResult.rows} rows in ${rawResult.seconds.toFixed(2)} s = ${Math.round(rawResult.rows / rawResult.seconds)} rows/s (peak RSS ${rawResult.peakRssMB} MB, rows held in memory)`);
  const schemaResult = run('raw-schema');
  console.log(`raw loop of Reckon's own rows (person + source + claim per record, derived beforehand): ${schemaResult.rows} records in ${schemaResult.seconds.toFixed(2)} s = ${Math.round(schemaResult.rows / schemaResult.seconds)} records/s`);
  for (const m of Object.keys(IMPORT_MODES)) {
    const r = run(m);
    const rate = r.rows / r.seconds;
    const of = (reference: { rows: number; seconds: number }): string => `${((100 * rate) / (reference.rows / reference.seconds)).toFixed(1)}%`;
    console.log(`reckon import → ${m}: ${r.rows} records in ${r.seconds.toFixed(2)} s = ${Math.round(rate)} records/s, ${of(rawResult)} of the one-table loop, ${of(schemaResult)} of the loop of Reckon's rows (peak RSS ${r.peakRssMB} MB)`);
  }
}
