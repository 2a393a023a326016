// Time to cut a release of N confirmed persons (default 200,000): build + write + sign, then verify.
// Usage: node --import tsx bench/release/build-release.ts [N]
import { rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { syntheticPersons } from '../../src/core/release/fixtures/synthetic-persons.js';
import { REGIONS } from '../../src/core/regions/region.js';
import { makeReleaseInput, testKeyPair } from '../../src/services/release/fixtures/release-input.js';
import { verifyRelease } from '../../src/services/release/verify-release.js';
import { writeRelease } from '../../src/services/release/write-release.js';
import { machineLine } from './machine.js';

const n = Number(process.argv[2] ?? 200_000);
const dir = `bench/out/release-${n}`;
rmSync(dir, { recursive: true, force: true });
const key = testKeyPair();
const persons = syntheticPersons(n, 11, REGIONS.map((r) => r.code));
const previous = { date: '2025-03-14', persons: persons.slice(0, Math.floor(n * 0.9)) };
const input = makeReleaseInput(0, { persons, previous });

const c0 = process.cpuUsage();
const t0 = performance.now();
const written = writeRelease(dir, input, { privateKeyPem: key.privateKeyPem });
const t1 = performance.now();
const cpu = process.cpuUsage(c0);
const check = verifyRelease(dir, key.publicKeyPem);
const t2 = performance.now();
const size = (p: string): number => statSync(`${dir}/${p}`).size;
const tally = size('ru/index.html') + size('assets/style.css');

console.log(`machine: ${machineLine()}`);
console.log(`persons: ${n}`);
console.log(`release: ${written.files} files, ${(written.bytes / 2 ** 20).toFixed(1)} MiB, ${written.ctx.pageCount} list pages per language`);
console.log(`cut release (validate + tables + diff + render + write + sign): ${((t1 - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (user ${(cpu.user / 1e6).toFixed(1)} + sys ${(cpu.system / 1e6).toFixed(1)})`);
console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`verify-release: ${((t2 - t1) / 1000).toFixed(1)} s, ok=${check.ok}`);
console.log(`tally page weight: ru/index.html ${(size('ru/index.html') / 1024).toFixed(1)} KiB + style.css ${(size('assets/style.css') / 1024).toFixed(1)} KiB = ${(tally / 1024).toFixed(1)} KiB (en/index.html ${(size('en/index.html') / 1024).toFixed(1)} KiB)`);
console.log(`list page ru/list/1.html: ${(size('ru/list/1.html') / 1024).toFixed(1)} KiB; search index: ${(size('data/search-index.json') / 2 ** 20).toFixed(1)} MiB`);
console.log(`peak RSS: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
