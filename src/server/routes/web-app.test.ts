import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing.js';
import { createApp } from '../app.js';

// The workspace app as `reckon serve` serves it: a fake build (index.html + one hashed asset) in a temp folder.
describe('the workspace app under /app/', () => {
  let t: TestDb;
  const built = mkdtempSync(join(tmpdir(), 'reckon-web-dist-'));
  const missing = join(built, 'not-there');
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    mkdirSync(join(built, 'assets'));
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><title>app</title><script type="module" src="/app/assets/index-abc.js"></script><div id="root"></div>',
    );
    writeFileSync(join(built, 'assets', 'index-abc.js'), script);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(built, { recursive: true, force: true });
  });

  const app = (webDist: string) => createApp({ db: t.db, webDist });

  it('serves index.html, never cached, for the app root and every client route, under the CSP', async () => {
    for (const path of ['/app/', '/app/persons', '/app/persons/0193-abc', '/app/sign-in?next=%2Fpersons']) {
      const res = await app(built).request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<div id="root">');
    }
    const bare = await app(built).request('/app');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/app/');
  });

  it('serves hashed assets for a year, compressed when the browser accepts it; a missing asset is a 404', async () => {
    const res = await app(built).request('/app/assets/index-abc.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    expect((await app(built).request('/app/assets/index-zzz.js')).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    for (const path of [
      '/app/assets/../../package.json',
      '/app/%2e%2e/%2e%2e/package.json',
      '/app/assets/..%2f..%2fpackage.json',
      '/app/assets/%00x.js',
    ]) {
      const res = await app(built).request(path);
      expect(res.status, path).not.toBe(200);
      expect(await res.text()).not.toContain('"name": "reckon"');
    }
  });

  it('says how to build the app when it is not built', async () => {
    const res = await app(missing).request('/app/persons');
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('npm run build:web');
  });

  it('points the sign-in page and the unpublished front page to the workspace once it is built', async () => {
    const login = await (await app(built).request('/login')).text();
    expect(login).toContain('data-next="/app/"');
    const front = await (await app(built).request('/')).text();
    expect(front).toContain('href="/app/"');
    expect(await (await app(missing).request('/login')).text()).toContain('data-next="/register"');
  });
});
