import { describe, expect, it } from 'vitest';
import { makePerson } from '../../core/release/fixtures/synthetic-persons.js';
import { makeReleaseInput, testKeyPair, TEST_REGIONS } from '../../services/release/fixtures/release-input.js';
import { memoryReleaseSite } from '../../services/release/release-site.js';
import { createPublicRoutes } from './public.routes.js';

const key = testKeyPair();
const input = makeReleaseInput(120);
const named = makePerson({ id: 'named-1', surname: 'Ёлкин', givenName: 'Тимон', patronymic: 'Саввич', nameLatin: 'Yolkin Timon Savvich' });
const site = memoryReleaseSite({ ...input, persons: [...input.persons, named] }, { privateKeyPem: key.privateKeyPem, regions: TEST_REGIONS });
const app = createPublicRoutes(() => site);
const decoder = new TextDecoder();

describe('public routes', () => {
  it('serves the release files byte for byte, with security headers', async () => {
    for (const path of ['ru/index.html', 'en/list/2.html', 'data/tables.json', 'manifest.sig', 'assets/style.css']) {
      const res = await app.request(`/${path}`);
      expect(res.status, path).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(site.file(path) ?? []))).toBe(true);
      expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await app.request('/ru/')).status).toBe(200);
    expect((await app.request('/ru')).headers.get('location')).toBe('/ru/');
  });

  it('finds a name live by Cyrillic or Latin, any case, ё = е', async () => {
    for (const q of ['елкин', 'ЁЛКИН тимон', 'yolkin']) {
      const html = decoder.decode(await (await app.request(`/ru/search.html?q=${encodeURIComponent(q)}`)).arrayBuffer());
      expect(html, q).toContain('Ёлкин Тимон Саввич');
      expect(html).toContain('#p-named-1');
    }
  });

  it('does not find a name that is not in the release, and escapes the query', async () => {
    const res = await app.request(`/en/search.html?q=${encodeURIComponent('<script>alert(1)</script> Квакин')}`);
    const html = await res.text();
    expect(html).toContain('Nothing found');
    expect(html).not.toContain('<script>alert');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers 404 with the release 404 page for unknown or traversal paths', async () => {
    for (const p of ['/nope.html', '/ru/..%2fmanifest.json', '/ru/%00.html', '/ru//index.html']) {
      const res = await app.request(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.request('/ru/index.html');
    const etag = first.headers.get('etag') ?? '';
    expect((await app.request('/ru/index.html', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('compression', () => {
  it('sends brotli or gzip when accepted and the same bytes once decoded', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const plain = Buffer.from(site.file('ru/index.html') ?? []);
    const br = await app.request('/ru/index.html', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(brBody).equals(plain)).toBe(true);
    const gz = await app.request('/ru/index.html', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
  });
});
