import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';

/** Where `npm run build:web` puts the workspace app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['html', 'js', 'css', 'json', 'svg', 'txt']);
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Workspace not built · Reckon</title></head>
<body>
<h1>The workspace app is not built</h1>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it first), then reload this page.</p>
<p lang="ru">Веб-приложение не собрано: выполните <code>npm run build:web</code> и обновите страницу.</p>
</body></html>`;

/** Whether the app has been built into `dist`. */
export function webAppBuilt(dist: string = WEB_DIST): boolean {
  return existsSync(join(dist, 'index.html'));
}

interface Asset {
  bytes: Buffer;
  ext: string;
  gzip?: Buffer;
  br?: Buffer;
}

function extOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

/** A request path inside /app/ as a relative file path, or null when it cannot name a file of the app. */
function relativePath(requestPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.replace(/^\/app\/?/, ''));
  } catch {
    return null;
  }
  if (/[\\\0]/.test(path) || path.split('/').some((p) => p === '..' || p === '.')) return null;
  return path;
}

function send(c: Context, asset: Asset, cacheControl: string): Response {
  const accept = c.req.header('accept-encoding') ?? '';
  const headers: Record<string, string> = {
    'Content-Type': TYPES[asset.ext] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
  };
  let body = asset.bytes;
  if (COMPRESSIBLE.has(asset.ext) && asset.bytes.byteLength >= 1024) {
    if (/\bbr\b/.test(accept)) {
      asset.br ??= brotliCompressSync(asset.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      body = asset.br;
      headers['Content-Encoding'] = 'br';
    } else if (/\bgzip\b/.test(accept)) {
      asset.gzip ??= gzipSync(asset.bytes, { level: 9 });
      body = asset.gzip;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  return c.body(new Uint8Array(body), 200, headers);
}

/**
 * The analysts' workspace (src/web, built into `dist`) under /app/: hashed assets with a year's cache,
 * index.html (never cached) for every client route. Without a build, /app/ answers 503 saying how to build it.
 */
export function webAppRoutes(dist: string = WEB_DIST): Hono {
  const app = new Hono();
  const root = resolve(dist);
  // Files under assets/ carry their content hash in the name: read once, kept with their compressed forms.
  const assets = new Map<string, Asset>();

  const readFile = (rel: string): Asset | null => {
    const full = resolve(join(root, rel));
    if (!full.startsWith(root + sep)) return null;
    try {
      if (!statSync(full).isFile()) return null;
      return { bytes: readFileSync(full), ext: extOf(rel) };
    } catch {
      return null;
    }
  };

  app.get('/app', (c) => c.redirect('/app/', 301));
  app.get('/app/*', (c) => {
    if (!webAppBuilt(root)) {
      return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store', 'Retry-After': '30' });
    }
    const rel = relativePath(c.req.path);
    if (rel === null) return c.text('bad path', 400);
    if (rel.startsWith('assets/')) {
      let asset = assets.get(rel);
      if (asset === undefined) {
        const found = readFile(rel);
        if (found === null) return c.text('not found', 404, { 'Cache-Control': 'no-store' });
        asset = found;
        assets.set(rel, asset);
      }
      return send(c, asset, IMMUTABLE);
    }
    // Another file at the top of dist (none today; a favicon later), else the app's page for a client route.
    if (rel !== '' && rel !== 'index.html' && !rel.includes('/') && extOf(rel) !== '') {
      const file = readFile(rel);
      if (file !== null) return send(c, file, 'no-cache');
    }
    const index = readFile('index.html');
    if (index === null) return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store' });
    return send(c, index, 'no-store');
  });
  return app;
}
