// Reads a 100 MB synthetic record CSV with readRecordFile and reports rows/s and RSS (flat memory check).
// Run: node --import tsx bench/files/read-100mb.ts [megabytes]
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { readRecordFile, readRecordFileBatches } from '../../src/services/files/record-file-reader.js';
import { generateCsv } from './generate-csv.js';

const megabytes = Number(process.argv[2] ?? 100);
const path = `bench/out/files/records-${megabytes}mb.csv`;
if (!existsSync(path)) {
  const started = performance.now();
  const rows = await generateCsv(path, megabytes * 1024 * 1024);
  console.error(`generated ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path}`);
}
const size = statSync(path).size;

// Measure peak RSS of the read alone: sample it, since the process peak (maxRSS) would include start-up.
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const samples: number[] = [];
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peak = Math.max(peak, rss);
  samples.push(rss);
}, 25);

const started = performance.now();
let rows = 0;
let problems = 0;
for await (const item of readRecordFile(path)) {
  rows++;
  problems += item.problems.length;
}
const seconds = (performance.now() - started) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);

// The batch API on the same file: one await per 256 KB instead of per row.
const batchStarted = performance.now();
let batchRows = 0;
for await (const batch of readRecordFileBatches(path)) batchRows += batch.length;
const batchSeconds = (performance.now() - batchStarted) / 1000;

// Reference: csv-parse alone on the same file (stream, counting records), same machine, same moment.
const rawStarted = performance.now();
let rawRows = 0;
for await (const _record of createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }))) rawRows++;
const rawSeconds = (performance.now() - rawStarted) / 1000;

clearInterval(sampler);
const load = loadavg()[0]?.toFixed(1) ?? '?';

const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);
const quarter = (q: number): string => mb(samples[Math.floor((samples.length - 1) * q)] ?? 0);
console.log(
  JSON.stringify({
    file_mb: Number(mb(size)),
    rows,
    problems,
    seconds: Number(seconds.toFixed(1)),
    rows_per_s: Math.round(rows / seconds),
    mb_per_s: Number((size / 1024 / 1024 / seconds).toFixed(1)),
    batches_rows_per_s: Math.round(batchRows / batchSeconds),
    csv_parse_alone_rows_per_s: Math.round((rawRows - 1) / rawSeconds),
    rss_baseline_mb: Number(mb(baseline)),
    rss_peak_mb: Number(mb(peak)),
    rss_at_25_50_75_100_pct_mb: [quarter(0.25), quarter(0.5), quarter(0.75), quarter(1)].map(Number),
    load_average_1m: Number(load),
    node: process.version,
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    mem_gb: Number((totalmem() / 1024 ** 3).toFixed(1)),
  }),
);
