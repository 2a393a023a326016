// Serves a written release folder with the public routes on 127.0.0.1 (used by load.ts).
// Usage: node --import tsx bench/release/serve-release.ts DIR [PORT]
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createPublicRoutes } from '../../src/server/public/public.routes.js';
import { loadReleaseSite } from '../../src/services/release/release-site.js';

const dir = process.argv[2] ?? 'bench/out/release-200000';
const port = Number(process.argv[3] ?? 0);
const t0 = performance.now();
const site = loadReleaseSite(dir);
const publicRoutes = createPublicRoutes(() => site);
// bench-only: the server's own CPU time, so capacity can be computed on a shared machine
const app = new Hono();
app.get('/__cpu', (c) => c.json(process.cpuUsage()));
app.route('/', publicRoutes);
serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  process.stdout.write(`listening ${info.port} loaded in ${(performance.now() - t0).toFixed(0)} ms\n`);
});
