// Writes an XLSX of N synthetic records with writeRecords, then reads it back with readRecordFile
// (ZIP guard + exceljs streaming), reporting rows/s both ways and peak RSS.
// Run: node --import tsx bench/files/read-xlsx.ts [rows]
import { existsSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { readRecordFile } from '../../src/services/files/record-file-reader.js';
import { writeRecords } from '../../src/services/files/record-writer.js';
import { generateCsv } from './generate-csv.js';

const wanted = Number(process.argv[2] ?? 100_000);
const csv = 'bench/out/files/records-100mb.csv';
const xlsx = `bench/out/files/records-${wanted}.xlsx`;
if (!existsSync(csv)) await generateCsv(csv, 100 * 1024 * 1024);

async function* firstRows(): AsyncGenerator<Record<string, unknown>> {
  let n = 0;
  for await (const item of readRecordFile(csv)) {
    if (++n > wanted) return;
    yield { ...item.record, ...item.record.extra, extra: undefined, age: Number.parseInt(item.record.age ?? '', 10) };
  }
}

const columns = ['record_id', 'list', 'source_kind', 'source_url', 'published_at', 'surname', 'given_name', 'patronymic', 'full_name', 'sex', 'birth_date', 'age', 'region', 'death_date', 'death_place', 'category', 'rank', 'unit', 'note'];
const writeStarted = performance.now();
const { rows: written } = await writeRecords(xlsx, 'xlsx', columns, firstRows());
const writeSeconds = (performance.now() - writeStarted) / 1000;

const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 25);
const started = performance.now();
let rows = 0;
for await (const _item of readRecordFile(xlsx)) rows++;
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const mb = (n: number): number => Math.round(n / 1024 / 1024);
console.log(
  JSON.stringify({
    rows,
    xlsx_mb: mb(statSync(xlsx).size),
    write_rows_per_s: Math.round(written / writeSeconds),
    read_seconds: Number(seconds.toFixed(1)),
    read_rows_per_s: Math.round(rows / seconds),
    rss_baseline_mb: mb(baseline),
    rss_peak_mb: mb(peak),
    node: process.version,
    cpus: cpus().length,
  }),
);
