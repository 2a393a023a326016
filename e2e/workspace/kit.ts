// Pieces for the workspace browser tests: a real server (`createApp`, what `reckon serve` runs) on a free
// 127.0.0.1 port over a real SQLite register with a trained linkage model, Debian's Chromium driven by
// playwright-core, sign-in through the page with TOTP codes from the server's own function, CSP violation
// and overflow checks, and a screenshot of every page in test-results/workspace/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDb, type TestDb } from '../../src/db/testing.js';
import { createApp } from '../../src/server/app.js';
import { WEB_DIST } from '../../src/server/routes/web-app.js';
import type { Role } from '../../src/services/auth/auth.schemas.js';
import { TOTP_PERIOD, totpCode } from '../../src/services/auth/totp.js';
import { addUser } from '../../src/services/auth/user.service.js';
import { loadDemo } from '../../src/services/demo/demo.service.js';
import { linkRegister } from '../../src/services/review/link-register.service.js';

export const OUT = 'test-results/workspace';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface Account {
  username: string;
  password: string;
  /** Base32 TOTP secret (admins and verifiers), else null. */
  totpSecret: string | null;
  role: Role;
}

/** A synthetic account for a test to create (its TOTP secret is filled in when the admin page shows it). */
export function testAccount(username: string, role: Role, password: string): Account {
  return { username, password, totpSecret: null, role };
}

export interface Workspace {
  base: string;
  t: TestDb;
  /** The first admin, made as `reckon user add` would (with a TOTP secret). */
  admin: Account;
  /** A TOTP code for the next step of the server's clock (each code is single-use per step). */
  totp(secret: string): string;
  close(): Promise<void>;
}

/**
 * Starts the app over a fresh SQLite register: `persons` synthetic demo persons, a linkage run (so candidate
 * lookup has a model), the first admin. The server's login clock runs ahead by one TOTP step per code asked
 * for, so every sign-in gets a fresh step without waiting.
 */
export async function startWorkspace(options: { persons?: number; seed?: string } = {}): Promise<Workspace> {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('the workspace app is not built: run `npm run build:web` (npm test does)');
  mkdirSync(OUT, { recursive: true });
  const t = await createTestDb('sqlite');
  await loadDemo(t.db, { persons: options.persons ?? 60, seed: options.seed ?? 'workspace-e2e' });
  await linkRegister(t.db, { actor: 'synthetic-editor' });
  const adminPassword = 'synthetic admin passphrase 1';
  const added = await addUser(t.db, {
    username: 'ada-admin',
    role: 'admin',
    password: adminPassword,
    displayName: 'Ada (synthetic admin)',
    actor: 'setup',
  });
  const admin: Account = {
    username: 'ada-admin',
    password: adminPassword,
    totpSecret: added.totp?.secret ?? null,
    role: 'admin',
  };
  let ahead = 0;
  const now = (): number => Date.now() + ahead;
  const evidence = mkdtempSync(join(tmpdir(), 'reckon-workspace-evidence-'));
  const app = createApp({ db: t.db, evidenceStore: evidence, candidateRecheckMs: 0, auth: { now } });
  const { server, base } = await new Promise<{ server: ServerType; base: string }>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({ server: s, base: `http://127.0.0.1:${info.port}` });
    });
  });
  return {
    base,
    t,
    admin,
    totp(secret) {
      ahead += TOTP_PERIOD * 1000;
      return totpCode(secret, now());
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await t.dispose();
      rmSync(evidence, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine needs (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** CSP violations seen so far (securitypolicyviolation events and console reports). */
  csp: string[];
  close(): Promise<void>;
}

/** A fresh browser context (its own cookies) in a language, watching for CSP violations. */
export async function openTab(
  browser: Browser,
  options: { lang?: 'ru' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<Tab> {
  const lang = options.lang ?? 'en';
  const context = await browser.newContext({
    viewport: options.viewport ?? LAPTOP,
    locale: lang === 'ru' ? 'ru-RU' : 'en-GB',
  });
  // Runs before the page's own scripts (through the DevTools protocol, so the page's CSP does not apply to it).
  await context.addInitScript(`
    if (window.localStorage.getItem('reckon.lang') === null) window.localStorage.setItem('reckon.lang', ${JSON.stringify(lang)});
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI);
    });
  `);
  const page = await context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) csp.push(m.text());
  });
  return { context, page, csp, close: () => context.close() };
}

/** Signs in through the app's page (from /app/, which sends a signed-out visitor to the sign-in page). */
export async function signIn(
  ws: Workspace,
  page: Page,
  account: Pick<Account, 'username' | 'password' | 'totpSecret'>,
  path = '/app/',
): Promise<void> {
  await page.goto(`${ws.base}${path}`);
  await page.waitForURL(/\/app\/sign-in/);
  await page.fill('input[name=username]', account.username);
  await page.fill('input[name=password]', account.password);
  if (account.totpSecret !== null) await page.fill('input[name=totp]', ws.totp(account.totpSecret));
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=who]');
}

/** Signs out with the header's button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.click('header button.link-button');
  await page.waitForURL(/\/app\/sign-in/);
}

/** How many CSS pixels the page is wider than the viewport (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** A full-page screenshot in test-results/workspace/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

/** A same-origin API call from the page, as the app makes it (session cookie + CSRF header); returns the status. */
export function apiStatus(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Reckon-CSRF': '1' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return res.status;
    },
    { method, path, body },
  );
}
