// Speed and memory of `reckon demo`: writes N persons' files under bench/out/synth and reports
// wall time, CPU time and peak RSS. Usage: node --import tsx bench/synth/generate.ts [persons...]
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeDemoFiles } from '../../src/services/demo/demo-files.js';
import { synthOptionsSchema } from '../../src/core/synth/synth.schemas.js';

const sizes = process.argv.slice(2).map(Number);
const persons = sizes.length > 0 ? sizes : [100_000];
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, node ${process.version}`);
for (const n of persons) {
  const dir = join('bench', 'out', 'synth', String(n));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await writeDemoFiles(synthOptionsSchema.parse({ persons: n, seed: 'bench' }), dir);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${n} persons → ${s.records} records: wall ${wall.toFixed(1)} s, cpu ${cpuSeconds.toFixed(1)} s, ` +
      `${Math.round(s.records / cpuSeconds)} records/cpu-s, peak RSS ${peakMb.toFixed(0)} MB (process so far)`,
  );
}
