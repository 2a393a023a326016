import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import type { ReleaseSite } from '../../services/release/release-site.js';
import { searchPage } from '../../services/release/site/search-page.js';
import { LANGS } from '../../services/release/site/site.types.js';
import { securityHeaders } from './security-headers.js';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pem: 'application/x-pem-file',
  sig: 'text/plain; charset=utf-8',
};

interface Prepared {
  bytes: Uint8Array;
  headers: Record<string, string>;
  compressible: boolean;
  br?: Uint8Array;
  gzip?: Uint8Array;
}

const COMPRESSIBLE = new Set(['html', 'css', 'js', 'json', 'csv', 'pem', 'sig']);

/** The body and headers to send for a prepared file, compressed once (and cached) when the client accepts it. */
function encoded(page: Prepared, acceptEncoding: string): { body: Uint8Array; headers: Record<string, string> } {
  if (!page.compressible || page.bytes.byteLength < 1024) return { body: page.bytes, headers: page.headers };
  const quality = page.bytes.byteLength > 1024 * 1024 ? 4 : 9;
  if (/\bbr\b/.test(acceptEncoding)) {
    page.br ??= brotliCompressSync(page.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
    return { body: page.br, headers: { ...page.headers, 'Content-Encoding': 'br', ETag: page.headers.ETag?.replace(/"$/, '-br"') ?? '' } };
  }
  if (/\bgzip\b/.test(acceptEncoding)) {
    page.gzip ??= gzipSync(page.bytes, { level: quality });
    return { body: page.gzip, headers: { ...page.headers, 'Content-Encoding': 'gzip', ETag: page.headers.ETag?.replace(/"$/, '-gz"') ?? '' } };
  }
  return { body: page.bytes, headers: page.headers };
}

export interface PublicRoutesOptions {
  /** Send HSTS (behind TLS in production). */
  hsts?: boolean;
}

/** Maps a request path to a site file path, or null when it can name no file (`..`, `//`, NUL…). */
export function sitePath(requestPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || /[\\\0]/.test(path)) return null;
  path = path.slice(1);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return path;
}

/**
 * The public tally served live: the latest release's files, byte-identical to its static site,
 * plus server-side name search on `/{lang}/search.html?q=` so search works without JavaScript.
 */
export function createPublicRoutes(getRelease: () => ReleaseSite, options: PublicRoutesOptions = {}): Hono {
  const base = securityHeaders(options.hsts ?? false);
  const cache = new WeakMap<ReleaseSite, Map<string, Prepared | null>>();

  const prepared = (site: ReleaseSite, path: string): Prepared | null => {
    let files = cache.get(site);
    if (!files) {
      files = new Map();
      cache.set(site, files);
    }
    const hit = files.get(path);
    if (hit !== undefined) return hit;
    const bytes = site.file(path);
    const ext = path.slice(path.lastIndexOf('.') + 1);
    const result: Prepared | null = bytes
      ? {
          bytes,
          headers: {
            ...base,
            'Content-Type': TYPES[ext] ?? 'application/octet-stream',
            'Cache-Control': ext === 'html' ? 'public, max-age=300' : 'public, max-age=3600',
            ETag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
            Vary: 'Accept-Encoding',
            ...(ext === 'csv' ? { 'Content-Disposition': 'attachment' } : {}),
          },
          compressible: COMPRESSIBLE.has(ext),
        }
      : null;
    if (files.size < 20_000) files.set(path, result);
    return result;
  };

  const notFound = (c: Context, site: ReleaseSite): Response => {
    const page = prepared(site, '404.html');
    if (!page) return c.text('Not found', 404, base);
    return c.body(page.bytes as Uint8Array<ArrayBuffer>, 404, { ...page.headers, 'Cache-Control': 'no-cache' });
  };

  const app = new Hono();
  app.onError((_err, c) => c.text('Internal error', 500, base));
  app.get('*', (c) => {
    const site = getRelease();
    const path = sitePath(c.req.path);
    if (path === null) return notFound(c, site);
    const lang = LANGS.find((l) => path === `${l}/search.html`);
    const q = c.req.query('q');
    if (lang !== undefined && q !== undefined) {
      const html = searchPage(lang, site.ctx, site.search(q.slice(0, 200)));
      return c.html(html, 200, { ...base, 'Cache-Control': 'no-cache' });
    }
    const page = prepared(site, path);
    if (!page) {
      if (!path.includes('.') && prepared(site, `${path}/index.html`)) return c.redirect(`/${path}/`, 301);
      return notFound(c, site);
    }
    const out = encoded(page, c.req.header('Accept-Encoding') ?? '');
    if (c.req.header('If-None-Match') === out.headers.ETag) return c.body(null, 304, out.headers);
    return c.body(out.body as Uint8Array<ArrayBuffer>, 200, out.headers);
  });
  return app;
}
