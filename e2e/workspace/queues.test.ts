// The queue pages in Debian Chromium against a real server and register: the verification backlog's filters
// (oldest first, as the service orders them), and duplicate review by keyboard only — S merges, D records
// different, J/K move, a letter typed into the reason does nothing, the next pair opens after each decision,
// and the merge is undone from the person page. Phone width without horizontal scrolling; no CSP violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLinkPair } from '../../src/db/repositories/linkage.repository.js';
import { findPerson } from '../../src/db/repositories/person.repository.js';
import { addUser } from '../../src/services/auth/user.service.js';
import { backlog } from '../../src/services/verification/verification.service.js';
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
import { seedQueues } from './queues-seed.js';

/** An attribute of every element the selector finds, in page order. */
interface Attributed {
  getAttribute(name: string): string | null;
}
const shown = (page: Page, selector: string, attribute: string): Promise<string[]> =>
  page
    .locator(selector)
    .evaluateAll((els: Attributed[], a: string) => els.map((el) => el.getAttribute(a) ?? ''), attribute);

/** The pair on screen once its page has loaded it and knows its place in the queue. */
async function pairOnScreen(page: Page): Promise<{ pair: string; a: string; b: string; position: string }> {
  await page.waitForSelector('[data-testid=compare]');
  await expect.poll(() => page.locator('[data-testid=position]').innerText()).not.toBe('');
  const pair = (await page.locator('[data-testid=pair-page]').getAttribute('data-pair')) ?? '';
  const id = async (which: string): Promise<string> =>
    decodeURIComponent(
      ((await page.locator(`[data-testid=open-${which}]`).getAttribute('href')) ?? '').split(
        '/persons/',
      )[1] ?? '',
    );
  return {
    pair,
    a: await id('a'),
    b: await id('b'),
    position: await page.locator('[data-testid=position]').innerText(),
  };
}

describe('the verification backlog and duplicate review, in Chromium', () => {
  let ws: Workspace;
  let browser: Browser;
  const tabs: Tab[] = [];
  const verifier = testAccount('vera-editor', 'verifier', 'synthetic editor passphrase');

  beforeAll(async () => {
    ws = await startWorkspace({ persons: 30, seed: 'queues-e2e' });
    await seedQueues(ws.t.db);
    verifier.totpSecret =
      (await addUser(ws.t.db, { ...verifier, displayName: 'Vera (synthetic editor)', actor: 'setup' })).totp
        ?.secret ?? null;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await ws.close();
  });

  it('lists the backlog oldest first and filters it by region, category and source kind, keeping the filters in the address', async () => {
    const tab = await openTab(browser);
    tabs.push(tab);
    const { page } = tab;
    await signIn(ws, page, verifier);
    await page.click('nav >> text=Verification backlog');
    await page.waitForSelector('[data-testid=backlog] li');
    const all = await backlog(ws.t.db, { limit: 51 });
    expect(await shown(page, '[data-testid=backlog] li', 'data-person')).toEqual(
      all.slice(0, 50).map((p) => p.id),
    );
    await shot(page, 'queues/backlog');

    const expectFiltered = async (
      filters: { region?: string; category?: string; sourceKind?: string },
      label: string,
    ): Promise<void> => {
      const want = (await backlog(ws.t.db, { limit: 50, ...filters })).map((p) => p.id);
      expect(want.length, label).toBeGreaterThan(0);
      await expect
        .poll(() => shown(page, '[data-testid=backlog] li', 'data-person'), { message: label })
        .toEqual(want);
      expect(await page.locator('[data-testid=backlog-count]').innerText()).toBe(
        `${String(want.length)} waiting`,
      );
    };
    await page.selectOption('select[name=region]', 'RU-BU');
    await expectFiltered({ region: 'RU-BU' }, 'region');
    expect(new Set(await shown(page, '[data-testid=backlog] [data-region]', 'data-region'))).toEqual(
      new Set(['RU-BU']),
    );
    await page.selectOption('select[name=category]', 'prisoner');
    await expectFiltered({ region: 'RU-BU', category: 'prisoner' }, 'region + category');
    await page.selectOption('select[name=sourceKind]', 'obituary');
    await expectFiltered(
      { region: 'RU-BU', category: 'prisoner', sourceKind: 'obituary' },
      'region + category + kind',
    );
    expect(await page.locator('[data-testid=backlog] li strong').allInnerTexts()).toEqual([
      'Фильтров Тестовый',
    ]);
    await shot(page, 'queues/backlog-filtered');
    // the address keeps the filters: a reload shows the same rows
    expect(page.url()).toContain('region=RU-BU');
    await page.reload();
    await expectFiltered({ region: 'RU-BU', category: 'prisoner', sourceKind: 'obituary' }, 'after reload');
    // a filter nothing matches says so
    await page.selectOption('select[name=sourceKind]', 'court_record');
    await page.waitForSelector('text=Nothing waiting with these filters.');
    await page.click('text=Clear the filters');
    await expect.poll(() => page.locator('[data-testid=backlog] li').count()).toBe(Math.min(50, all.length));
    // each row opens the person page
    await page.locator('[data-testid=backlog] li a').first().click();
    await page.waitForURL(new RegExp(`/app/persons/${all[0]?.id ?? 'x'}$`));
  });

  it('decides duplicate pairs by keyboard alone: S merges, D records different, the next pair opens, typing is not a shortcut', async () => {
    const { page } = tabs[0]!;
    await page.goto(`${ws.base}/app/queues/duplicates`);
    await page.waitForSelector('[data-testid=duplicates] li');
    const queued = await shown(page, '[data-testid=duplicates] li', 'data-pair');
    expect(queued.length).toBeGreaterThanOrEqual(3);
    await shot(page, 'queues/duplicates');
    await page.click('[data-testid=start-review]');
    const first = await pairOnScreen(page);
    expect(first.pair).toBe(queued[0]);
    expect(first.position).toBe(`Pair 1 of ${String(queued.length)}`);
    expect(await page.locator('[data-testid=shortcuts]').innerText()).toMatch(
      /S\s+same person[\s\S]*D\s+different persons[\s\S]*U\s+unsure/,
    );
    expect(await page.locator('[data-testid=waterfall] li[data-comparison]').count()).toBeGreaterThanOrEqual(
      3,
    );
    await shot(page, 'queues/pair');

    // J and K (and the arrows) move through the queue without deciding
    await page.keyboard.press('j');
    await expect.poll(async () => (await pairOnScreen(page)).pair).toBe(queued[1]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await pairOnScreen(page)).pair).toBe(queued[0]);

    // letters typed into the reason are text, not decisions
    await page.click('input[name=reason]');
    await page.keyboard.type('same sid');
    expect((await findLinkPair(ws.t.db.kysely, first.pair))?.state).toBe('pending');
    expect(await page.locator('[data-testid=pair-page]').getAttribute('data-pair')).toBe(first.pair);
    await page.fill('input[name=reason]', 'Synthetic: same dates and region.');
    await page.locator('h1').click(); // focus leaves the input; keys are shortcuts again

    await page.keyboard.press('s');
    await page.waitForSelector('[data-testid=last-decision][data-decision=same]');
    const second = await pairOnScreen(page);
    expect(second.pair).not.toBe(first.pair);
    const decided = await findLinkPair(ws.t.db.kysely, first.pair);
    expect(decided?.state).toBe('same');
    expect(decided?.reason).toBe('Synthetic: same dates and region.');
    const [pa, pb] = [await findPerson(ws.t.db.kysely, first.a), await findPerson(ws.t.db.kysely, first.b)];
    expect([pa?.merged_into, pb?.merged_into].filter((m) => m !== null)).toHaveLength(1); // one absorbed into the other
    await shot(page, 'queues/pair-after-same');

    await page.keyboard.press('d');
    await page.waitForSelector('[data-testid=last-decision][data-decision=different]');
    const third = await pairOnScreen(page);
    expect(third.pair).not.toBe(second.pair);
    expect((await findLinkPair(ws.t.db.kysely, second.pair))?.state).toBe('different');
    expect((await findPerson(ws.t.db.kysely, second.a))?.merged_into).toBeNull();
    expect((await findPerson(ws.t.db.kysely, second.b))?.merged_into).toBeNull();
    // decided pairs leave the queue
    await page.click('text=All pairs');
    await page.waitForSelector('[data-testid=duplicates] li');
    const left = await shown(page, '[data-testid=duplicates] li', 'data-pair');
    expect(left).not.toContain(first.pair);
    expect(left).not.toContain(second.pair);

    // the merge is undone from the merged record's page
    const merged = pa?.merged_into === null ? first.b : first.a;
    await page.goto(`${ws.base}/app/persons/${merged}`);
    await page.click('[data-testid=unmerge]');
    await page.fill('textarea[name=reason]', 'Synthetic: undoing the test merge.');
    await page.click('form.panel button[type=submit]');
    await expect.poll(async () => (await findPerson(ws.t.db.kysely, merged))?.merged_into ?? null).toBeNull();
  });

  it('fits a phone in Russian, with the shortcuts shown', async () => {
    const tab = await openTab(browser, { viewport: PHONE, lang: 'ru' });
    tabs.push(tab);
    const { page } = tab;
    await signIn(ws, page, ws.admin);
    for (const [path, name] of [
      ['/app/queues/backlog', 'backlog'],
      ['/app/queues/duplicates', 'duplicates'],
    ] as const) {
      await page.goto(`${ws.base}${path}`);
      await page.waitForSelector('main li[data-person], main li[data-pair]');
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      await shot(page, `queues/phone-ru-${name}`);
    }
    await page.click('[data-testid=start-review]');
    await pairOnScreen(page);
    expect(await page.locator('h1').innerText()).toBe('Это один человек?');
    expect(await page.locator('[data-testid=shortcuts]').innerText()).toContain('один человек');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'queues/phone-ru-pair');
  });

  it('met no Content Security Policy violation', () => {
    expect(tabs.flatMap((t) => t.csp)).toEqual([]);
  });
});
