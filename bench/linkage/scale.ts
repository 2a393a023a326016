import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { bCubed, pairwiseOfClusters } from '../../src/core/linkage/metrics.js';
import { RECORD_COLUMNS } from '../../src/core/record/record.schemas.js';
import { generateRegister } from '../../src/core/synth/generate.js';
import { linkFiles } from '../../src/services/linkage/link-files.service.js';

// Usage: node --import tsx bench/linkage/scale.ts [--persons 400000] [--seed 7] [--workers n]
// End-to-end `reckon link` on a synthetic register (read, prepare, block, train, score, cluster, write).
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const persons = option('--persons', 400_000);
const seed = option('--seed', 7);
const dir = new URL('../out/linkage/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const input = `${dir}synth-${persons}-${seed}.csv`;
const truthFile = `${dir}synth-${persons}-${seed}.truth.csv`;
if (!existsSync(input)) {
  process.stderr.write(`generating ${persons} persons…\n`);
  const { records, truth } = generateRegister({ persons, seed });
  writeFileSync(input, stringify(records, { header: true, columns: [...RECORD_COLUMNS] }));
  writeFileSync(truthFile, stringify(truth, { header: true, columns: ['record_id', 'person_id'] }));
}
const out = `${dir}clusters-${persons}-${seed}.csv`;
const workers = option('--workers', 0);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// CPU seconds of the whole process (main and worker threads) since the start: beside wall time on a shared machine.
const cpuSeconds = (): number => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1e6;
};
const summary = await linkFiles({
  files: [input],
  out,
  ...(workers > 0 ? { workers } : {}),
  progress: (m) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1)}s, cpu ${cpuSeconds().toFixed(1)}s] ${m}\n`),
});
const seconds = (performance.now() - t0) / 1000;
const cpu = cpuSeconds();
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const truth = new Map(parse<{ record_id: string; person_id: string }>(readFileSync(truthFile, 'utf8'), { columns: true }).map((r) => [r.record_id, r.person_id]));
const clusters = parse<{ record_id: string; cluster_id: string }>(readFileSync(out, 'utf8'), { columns: true });
const entity = clusters.map((r) => truth.get(r.record_id) ?? '');
const pw = pairwiseOfClusters(clusters.map((r) => r.cluster_id), entity);
console.log(
  JSON.stringify({
    persons,
    seed,
    ...summary,
    endToEndSeconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round(cpu * 10) / 10,
    maxRssMb,
    scoredPairsPerSecond: Math.round(summary.candidatePairs / seconds),
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    clustered: { p: pw.precision, r: pw.recall, f1: pw.f1 },
    bcubed: bCubed(clusters.map((r) => r.cluster_id), entity).f1,
    machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}`,
  }),
);
