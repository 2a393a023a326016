// Time to make the metadata-free derivative of typical evidence images, and to refuse a pixel flood.
// Run: node --import tsx bench/evidence/derivative-speed.ts   (synthetic images, made here with sharp)
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { writeDerivative } from '../../src/services/evidence/derivative.js';
import { pngFloodHeader } from '../../src/services/evidence/test-images.js';

// libvips caches operations: without this the 2nd and 3rd runs would time a cache hit.
sharp.cache(false);
const dir = mkdtempSync(join(tmpdir(), 'reckon-bench-derivative-'));

/** Photo-like noise (compresses like a real photo, unlike a flat colour). */
function noise(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).blur(1.2);
}

const cases: { name: string; type: string; make: () => Promise<Buffer> }[] = [
  { name: 'phone photo JPEG 4000×3000 (12 MP)', type: 'image/jpeg', make: () => noise(4000, 3000).jpeg({ quality: 92 }).withExif({ IFD0: { ImageDescription: 'synthetic' } }).toBuffer() },
  { name: 'full-page screenshot PNG 1280×12000', type: 'image/png', make: () => noise(1280, 12000).png().toBuffer() },
  { name: 'screenshot WebP 1920×1080', type: 'image/webp', make: () => noise(1920, 1080).webp().toBuffer() },
  { name: 'pixel flood PNG header 50000×50000 (refused)', type: 'image/png', make: () => Promise.resolve(pngFloodHeader()) },
];

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| image | input | derivative | wall | CPU (user+sys) | RSS after |');
console.log('|---|---|---|---|---|---|');
for (const c of cases) {
  const input = join(dir, c.name.replace(/\W+/g, '-'));
  writeFileSync(input, await c.make());
  const runs: { wall: number; cpu: number }[] = [];
  let outcome = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const u0 = process.cpuUsage();
    try {
      await writeDerivative(input, c.type, `${input}.${i}.out`);
      outcome = `${(statSync(`${input}.${i}.out`).size / 1e6).toFixed(2)} MB`;
    } catch (error) {
      outcome = `refused: ${(error as Error).message.slice(0, 40)}…`;
    }
    const u = process.cpuUsage(u0);
    runs.push({ wall: performance.now() - t0, cpu: (u.user + u.system) / 1000 });
  }
  const best = runs.reduce((a, b) => (a.wall <= b.wall ? a : b));
  console.log(`| ${c.name} | ${(statSync(input).size / 1e6).toFixed(2)} MB | ${outcome} | ${best.wall.toFixed(0)} ms | ${best.cpu.toFixed(0)} ms | ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB |`);
}
rmSync(dir, { recursive: true, force: true });
