// Bulk import in Debian Chromium against a real server and register: a contributor uploads a synthetic CSV
// with one bad row (no name) and a column the automatic mapping cannot guess, maps it with the dropdown,
// previews, sees the problem on its row, fixes it in the page, commits, and finds the persons. A second
// upload of the same file is reviewed the other way (the row excluded with a reason) and discarded. The
// page fits a phone in Russian; no CSP violation.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/auth/user.service.js';
import {
  horizontalOverflow,
  launchChromium,
  openTab,
  PHONE,
  shot,
  signIn,
  startWorkspace,
  testAccount,
  type Tab,
  type Workspace,
} from './kit.js';

const FIXTURE = 'e2e/workspace/fixtures/synthetic-import.csv';
const SURNAMES = ['Синтетиков', 'Образцов', 'Примеров'];

const count = async (page: Page, key: string): Promise<number> =>
  Number(await page.locator(`[data-testid=preview-counts] [data-count=${key}]`).getAttribute('data-value'));

async function upload(page: Page, ws: Workspace): Promise<string> {
  await page.goto(`${ws.base}/app/imports`);
  await page.setInputFiles('input[name=file]', FIXTURE);
  await page.click('button:has-text("Upload and continue")');
  await page.waitForURL(/\/app\/imports\/[^/]+$/);
  await page.waitForSelector('[data-testid=mapping]');
  return decodeURIComponent(page.url().split('/imports/')[1] ?? '');
}

describe('bulk import in the browser, in Chromium', () => {
  let ws: Workspace;
  let browser: Browser;
  const tabs: Tab[] = [];
  const contributor = testAccount('carl-volunteer', 'contributor', 'synthetic volunteer passphrase');

  beforeAll(async () => {
    ws = await startWorkspace({ persons: 20, seed: 'import-e2e' });
    await addUser(ws.t.db, { ...contributor, displayName: 'Carl (synthetic volunteer)', actor: 'setup' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await ws.close();
  });

  it('uploads a CSV, maps a column by hand, shows the bad row’s problem, takes the fix, commits, and the persons appear', async () => {
    const tab = await openTab(browser);
    tabs.push(tab);
    const { page } = tab;
    await signIn(ws, page, contributor);
    await page.click('nav >> text=Bulk import');
    await page.waitForSelector('text=No files waiting.');
    // a file that is not CSV/XLSX is refused before it is sent
    await page.setInputFiles('input[name=file]', {
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 synthetic'),
    });
    await page.click('button:has-text("Upload and continue")');
    await expect.poll(() => page.locator('form [role=alert]').innerText()).toContain('only .csv and .xlsx');

    const id = await upload(page, ws);
    // the dropdowns start from the suggested mapping; «Погиб» is not guessed
    expect(await page.locator('select[name="map-Фамилия"]').inputValue()).toBe('surname');
    expect(await page.locator('select[name="map-Ссылка"]').inputValue()).toBe('source_url');
    expect(await page.locator('select[name="map-Погиб"]').inputValue()).toBe('');
    await page.selectOption('select[name="map-Погиб"]', 'death_date');
    await shot(page, 'import/mapping');
    await page.click('[data-testid=preview]');
    await expect.poll(() => count(page, 'errorRows')).toBe(1);
    expect(await count(page, 'rows')).toBe(3);
    const bad = page.locator('[data-testid=row-3]');
    expect(await bad.locator('.problems li[data-severity=error]').innerText()).toContain('no name');
    expect(await page.locator('[data-testid=commit]').isDisabled()).toBe(true);
    await shot(page, 'import/problem');

    await bad.locator('input[name=full_name]').fill('Образцов Игорь Павлович');
    await bad.locator('button:has-text("Save the correction")').click();
    await expect
      .poll(() => page.locator('[data-testid=row-message]').innerText())
      .toContain('Row 3 corrected: no problem left');
    await expect.poll(() => count(page, 'errorRows')).toBe(0);
    expect(await count(page, 'fixed')).toBe(1);
    await page.waitForSelector('[data-testid=no-problems]');
    await page.click('[data-testid=commit]');
    await expect
      .poll(() => page.locator('[data-testid=committed]').innerText())
      .toContain('Imported 3 person(s) with 3 claim(s) from 3 row(s)');
    await shot(page, 'import/committed');

    // in the register: the three persons, the hand-mapped death date and the fixed name
    const persons = await ws.t.db.kysely
      .selectFrom('persons')
      .select(['surname', 'death_date_text', 'created_by'])
      .where('surname', 'in', SURNAMES)
      .orderBy('surname')
      .execute();
    expect(persons).toEqual([
      { surname: 'Образцов', death_date_text: '2024-04-02', created_by: contributor.username },
      { surname: 'Примеров', death_date_text: '2024-05-20', created_by: contributor.username },
      { surname: 'Синтетиков', death_date_text: '2024-03-12', created_by: contributor.username },
    ]);
    await page.click('[data-testid=committed] a');
    await page.waitForSelector('[data-testid=person-list]');
    const names = await page.locator('[data-testid=person-list] tbody td:first-child').allInnerTexts();
    for (const surname of SURNAMES)
      expect(
        names.some((n) => n.startsWith(surname)),
        surname,
      ).toBe(true);
    // a committed import is closed
    await page.goto(`${ws.base}/app/imports/${encodeURIComponent(id)}`);
    await page.waitForSelector('[data-testid=committed]');
    expect(await page.locator('[data-testid=mapping]').count()).toBe(0);
  });

  it('excludes a bad row with a reason, lists the file in the review queue, and discards it without importing', async () => {
    const { page } = tabs[0]!;
    const before = await ws.t.db.kysely
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const id = await upload(page, ws);
    await page.selectOption('select[name="map-Погиб"]', 'death_date');
    await page.click('[data-testid=preview]');
    await expect.poll(() => count(page, 'errorRows')).toBe(1);
    await page.click('[data-testid=exclude-3]');
    await page.fill('[data-testid=row-3] textarea[name=reason]', 'Synthetic: no name in the source.');
    await page.click('[data-testid=row-3] form.panel button[type=submit]');
    await expect
      .poll(() => page.locator('[data-testid=row-message]').innerText())
      .toContain('Row 3 excluded');
    await expect.poll(() => count(page, 'excluded')).toBe(1);
    expect(await count(page, 'errorRows')).toBe(0);
    expect(await page.locator('[data-testid=commit]').isDisabled()).toBe(false);
    // every row, with the exclusion and its undo
    await page.click('button:has-text("Show every row")');
    await expect
      .poll(() => page.locator('[data-testid=row-3]').innerText())
      .toContain('Synthetic: no name in the source.');
    await page.goto(`${ws.base}/app/imports`);
    await page.waitForSelector(`[data-testid=import-queue] li[data-import="${id}"]`);
    expect(await page.locator(`[data-testid=import-queue] li[data-import="${id}"]`).innerText()).toContain(
      '2 rows',
    );
    await shot(page, 'import/queue');
    await page.click(`[data-testid=import-queue] li[data-import="${id}"] a`);
    await page.click('[data-testid=discard]');
    await page.fill('textarea[name=reason]', 'Synthetic: already imported.');
    await page.click('form.panel button[type=submit]:has-text("Discard this file")');
    await page.waitForSelector('text=This file was discarded');
    const after = await ws.t.db.kysely
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('fits a phone in Russian', async () => {
    const tab = await openTab(browser, { viewport: PHONE, lang: 'ru' });
    tabs.push(tab);
    const { page } = tab;
    await signIn(ws, page, contributor);
    await page.goto(`${ws.base}/app/imports`);
    await page.waitForSelector('main h1');
    expect(await page.locator('main h1').innerText()).toBe('Загрузка файла');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'import/phone-ru-imports');
    // the same file through the browser's file picker, then the review page
    await page.setInputFiles('input[name=file]', {
      name: 'synthetic-import.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(FIXTURE),
    });
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=mapping]');
    await page.selectOption('select[name="map-Погиб"]', 'death_date');
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=row-3]');
    expect(await page.locator('[data-testid=row-3] .problems').innerText()).toContain('ошибка');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'import/phone-ru-review');
  });

  it('met no Content Security Policy violation', () => {
    expect(tabs.flatMap((t) => t.csp)).toEqual([]);
  });
});
