// Load on the live public pages: server pinned to CPU 0, autocannon to CPU 1 (when taskset exists).
// Usage: node --import tsx bench/release/load.ts [DIR] [SECONDS]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { z } from 'zod';
import { machineLine } from './machine.js';

const dir = process.argv[2] ?? 'bench/out/release-200000';
const seconds = process.argv[3] ?? '20';
const pin = existsSync('/usr/bin/taskset') ? (cpu: string, cmd: string[]): string[] => ['taskset', '-c', cpu, ...cmd] : (_cpu: string, cmd: string[]): string[] => cmd;

const serverCmd = pin('0', [process.execPath, '--import', 'tsx', 'bench/release/serve-release.ts', dir, '0']);
const server = spawn(serverCmd[0] ?? 'node', serverCmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
const ready = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => {
    const line = d.toString();
    if (line.startsWith('listening')) resolve(line.trim());
  });
  server.on('exit', (code) => {
    reject(new Error(`server exited ${String(code)}`));
  });
});
const port = /listening (\d+)/.exec(ready)?.[1] ?? '0';
console.log(`machine: ${machineLine()}`);
console.log(`server: ${ready}`);

const cpuSchema = z.object({ user: z.number(), system: z.number() });
async function serverCpu(): Promise<number> {
  const body = await new Promise<string>((resolve, reject) => {
    get({ host: '127.0.0.1', port: Number(port), path: '/__cpu', agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        resolve(text);
      });
    }).on('error', reject);
  });
  const cpu = cpuSchema.parse(JSON.parse(body));
  return (cpu.user + cpu.system) / 1000;
}

const resultSchema = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), average: z.number() }),
  throughput: z.object({ average: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
});

const runs: [string, string, string?][] = [
  ['100', '/ru/index.html'],
  ['100', '/ru/index.html', 'accept-encoding: br'],
  ['10', '/ru/index.html'],
  ['100', '/en/list/1000.html'],
  ['100', `/ru/search.html?q=${encodeURIComponent('бавегов ивар')}`],
];
try {
  for (const [connections, path, header] of runs) {
    const cmd = pin('1', [process.execPath, 'node_modules/autocannon/autocannon.js', '-c', connections, '-d', seconds, '-j', ...(header ? ['-H', header] : []), `http://127.0.0.1:${port}${path}`]);
    const cpuBefore = await serverCpu();
    const out = execFileSync(cmd[0] ?? 'node', cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 2 ** 20 });
    const r = resultSchema.parse(JSON.parse(out));
    const cpuMs = (await serverCpu()) - cpuBefore;
    const perRequest = cpuMs / r.requests.total;
    console.log(
      `${path} (-c ${connections}${header ? `, ${header}` : ''}): ${r.requests.average.toFixed(0)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${(r.throughput.average / 2 ** 20).toFixed(1)} MiB/s, non-2xx ${r.non2xx}, errors ${r.errors}; server CPU ${(perRequest * 1000).toFixed(0)} µs/request → ${(1000 / perRequest).toFixed(0)} req/s per free core`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
