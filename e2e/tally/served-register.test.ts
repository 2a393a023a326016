// The whole pipeline in a browser: a register with confirmed, rejected and backlog deaths → a signed release →
// `createApp` (what `reckon serve` runs) → Debian Chromium reads the tally.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../src/core/verification/confirmation-rule.js';
import { createTestDb, type TestDb } from '../../src/db/testing.js';
import { createApp } from '../../src/server/app.js';
import { cutRelease } from '../../src/services/publication/cut-release.service.js';
import { seedPerson } from '../../src/services/testing/seed.js';
import { decide } from '../../src/services/verification/verification.service.js';

const OUT = 'test-results/served-register';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const REGIONS = ['RU-SVE', 'RU-BA', 'RU-BU', 'RU-KDA', 'FOREIGN', 'UNKNOWN'];

describe('the served tally of a real register, in Chromium', () => {
  let t: TestDb;
  let dir: string;
  let server: ServerType;
  let base = '';
  let browser: Browser;
  let total = 0;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    t = await createTestDb('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'reckon-served-'));
    for (let i = 0; i < 24; i++) {
      const surname = i === 0 ? 'Синтетиков' : `Вымыслов${String.fromCharCode(1072 + i)}`;
      const id = await seedPerson(t.db, { author: 'volunteer', kind: 'local_media', person: { surname, name_key: surname.toLowerCase(), region_code: REGIONS[i % REGIONS.length] ?? 'UNKNOWN' } });
      await decide(t.db, DEFAULT_RULE, { personId: id, decision: 'confirmed', reason: 'local news report checked', actor: i % 2 ? 'editor-a' : 'editor-b' });
    }
    const rejected = await seedPerson(t.db, { author: 'volunteer', kind: 'local_media', person: { surname: 'Отвергнутов', name_key: 'отвергнутов' } });
    await decide(t.db, DEFAULT_RULE, { personId: rejected, decision: 'rejected', reason: 'alive, per his family', actor: 'editor-a' });
    await seedPerson(t.db, { author: 'volunteer', kind: 'leaked_registry', person: { surname: 'Ожидающий', name_key: 'ожидающий' } });
    const { privateKey } = generateKeyPairSync('ed25519');
    const cut = await cutRelease(t.db, DEFAULT_RULE, { date: new Date().toISOString().slice(0, 10), note: 'Synthetic test release.', outDir: join(dir, 'release'), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), actor: 'data-editor' });
    total = cut.total;
    const app = createApp({ db: t.db });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser.close();
    server.close();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the release total, tiles that sum to it, finds a confirmed name and not a rejected or unconfirmed one', async () => {
    expect(total).toBe(24);
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto(`${base}/en/index.html`);
    expect(await page.locator('#total').getAttribute('data-total')).toBe('24');
    const counts = await Promise.all((await page.locator('.tile-map .tile').all()).map(async (tile) => Number(await tile.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
    await page.screenshot({ path: `${OUT}/tally-en.png`, fullPage: true });

    await page.goto(`${base}/ru/search.html?q=${encodeURIComponent('Синтетиков')}`);
    expect(await page.locator('#results li').count()).toBe(1);
    for (const hidden of ['Отвергнутов', 'Ожидающий']) {
      await page.goto(`${base}/ru/search.html?q=${encodeURIComponent(hidden)}`);
      expect(await page.locator('#results li').count()).toBe(0);
    }
    await page.close();
  });

  it('shows the count and the charts with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/ru/index.html`);
    expect((await page.locator('#total').innerText()).replace(/\D/g, '')).toBe('24');
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(4);
    await context.close();
  });
});
