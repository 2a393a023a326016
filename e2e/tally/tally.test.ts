import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson } from '../../src/core/release/fixtures/synthetic-persons.js';
import { makeReleaseInput, testKeyPair, TEST_REGIONS } from '../../src/services/release/fixtures/release-input.js';
import { memoryReleaseSite, type ReleaseSite } from '../../src/services/release/release-site.js';
import { createPublicRoutes } from '../../src/server/public/public.routes.js';

const OUT = 'test-results/tally';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// A confirmed name that must be found and a rejected one (never in the release input) that must not.
const confirmed = makePerson({ id: 'confirmed-1', surname: 'Ёлкин', givenName: 'Тимон', patronymic: 'Саввич', nameLatin: 'Yolkin Timon Savvich' });
const REJECTED_SURNAME = 'Квакинский';

function listen(app: Hono): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({ server, base: `http://127.0.0.1:${info.port}` });
    });
  });
}

describe('public tally in Chromium', () => {
  const input = makeReleaseInput(340);
  const site: ReleaseSite = memoryReleaseSite({ ...input, persons: [...input.persons, confirmed] }, { privateKeyPem: testKeyPair().privateKeyPem, regions: TEST_REGIONS });
  const total = input.persons.length + 1;
  let live: { server: ServerType; base: string };
  let mirror: { server: ServerType; base: string };
  let browser: Browser;
  const cspViolations: string[] = [];

  const watch = (page: Page): Page => {
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
    });
    return page;
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    live = await listen(createPublicRoutes(() => site));
    // a dumb static mirror: the same files, no server-side search
    const files = new Hono();
    files.get('*', (c) => {
      const bytes = site.file(c.req.path.slice(1) || 'index.html');
      if (!bytes) return c.text('not found', 404);
      const type = c.req.path.endsWith('.json') ? 'application/json' : c.req.path.endsWith('.js') ? 'text/javascript' : c.req.path.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
      return c.body(Buffer.from(bytes), 200, { 'Content-Type': type });
    });
    mirror = await listen(files);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser.close();
    live.server.close();
    mirror.server.close();
  });

  it('shows the release total as the headline and the tiles sum to it', async () => {
    const page = watch(await browser.newPage({ viewport: { width: 1100, height: 1600 } }));
    await page.goto(`${live.base}/ru/`);
    expect(await page.locator('#total').getAttribute('data-total')).toBe(String(total));
    expect((await page.locator('#total').innerText()).replace(/\D/g, '')).toBe(String(total));
    const counts = await Promise.all((await page.locator('.tile-map .tile').all()).map(async (t) => Number(await t.getAttribute('data-count'))));
    expect(counts.length).toBe(TEST_REGIONS.length + 2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const shown = await page.locator('.tile-map .tile-count').allTextContents();
    expect(shown.map(Number).reduce((a, b) => a + b, 0)).toBe(total);
    await page.screenshot({ path: `${OUT}/tally-ru.png`, fullPage: true });
    await page.close();
  });

  it('finds a confirmed name through the search form and not a rejected one', async () => {
    const page = watch(await browser.newPage());
    await page.goto(`${live.base}/en/`);
    await page.fill('#names input[name=q]', 'елкин');
    await Promise.all([page.waitForURL(/search\.html\?q=/), page.click('#names button[type=submit]')]);
    await expect.poll(() => page.locator('#results li').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#results').innerText()).toContain('Ёлкин Тимон Саввич');
    await page.click('#results a');
    expect(await page.locator('#p-confirmed-1').innerText()).toContain('Yolkin Timon Savvich');
    await page.goto(`${live.base}/ru/search.html?q=${encodeURIComponent(REJECTED_SURNAME)}`);
    expect(await page.locator('#results li').count()).toBe(0);
    expect(await page.locator('#search-summary').innerText()).toBe('Ничего не найдено');
    await page.close();
  });

  it('searches on a static mirror with the progressive-enhancement script', async () => {
    const page = watch(await browser.newPage());
    await page.goto(`${mirror.base}/ru/search.html?q=yolkin`);
    await expect.poll(() => page.locator('#results li').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#static-note').isHidden()).toBe(true);
    await page.goto(`${mirror.base}/ru/search.html?q=${encodeURIComponent(REJECTED_SURNAME)}`);
    await expect.poll(() => page.locator('#search-summary').innerText(), { timeout: 15_000 }).toBe('Ничего не найдено');
    await page.close();
  });

  it('shows the count and the charts with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = watch(await context.newPage());
    await page.goto(`${live.base}/en/index.html`);
    expect(await page.locator('#total').innerText()).toBe(total.toLocaleString('en-US'));
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('figure svg path').count()).toBeGreaterThan(20);
    await page.screenshot({ path: `${OUT}/tally-en-nojs.png` });
    await context.close();
  });

  it('raised no Content-Security-Policy violation on any page', () => {
    expect(cspViolations).toEqual([]);
  });
});
