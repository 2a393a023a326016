// Issue 5's "Done means", walked in Debian Chromium against a real server and register: a new team's first
// day. The admin creates a contributor and a verifier (the verifier's TOTP secret is read from the page and
// codes computed with the server's own totpCode); the contributor adds a source with a screenshot, records the
// person it names by accepting the register's candidate, and cannot confirm it; the verifier signs in with
// TOTP and confirms it; a duplicate pair (the same man entered twice in the contributor's old spreadsheet,
// queued by a linkage run) is resolved in the review queue; the person's history shows every step. A
// screenshot of each page goes to test-results/workspace/first-day/; no CSP violation anywhere.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordRow } from '../../src/core/record/record.schemas.js';
import { findPerson } from '../../src/db/repositories/person.repository.js';
import { importRecords } from '../../src/services/import/import.service.js';
import { linkRegister } from '../../src/services/review/link-register.service.js';
import {
  apiStatus,
  launchChromium,
  openTab,
  shot,
  signIn,
  signOut,
  startWorkspace,
  testAccount,
  type Account,
  type Tab,
  type Workspace,
} from './kit.js';

const SCREENSHOT = 'e2e/workspace/fixtures/synthetic-screenshot.png';
// An invented man (no real person), in the contributor's old spreadsheet twice: two rows from two sources.
const MAN: RecordRow = {
  surname: 'Первопроходцев',
  given_name: 'Тимофей',
  patronymic: 'Андреевич',
  birth_date: '1991-04-05',
  region: 'Свердловская область',
  death_date: '2024-02-10',
  category: 'мобилизованный',
};

let step = 0;
/** A full-page screenshot, numbered in the order of the day. */
const snap = (page: Page, name: string): Promise<void> =>
  shot(page, `first-day/${String(++step).padStart(2, '0')}-${name}`);

describe("a new team's first day in the workspace (issue 5), in Chromium", () => {
  let ws: Workspace;
  let browser: Browser;
  const tabs: Tab[] = [];
  const contributor = testAccount('carl-volunteer', 'contributor', 'synthetic volunteer passphrase');
  const verifier = testAccount('vera-editor', 'verifier', 'synthetic editor passphrase');
  let man = '';
  let twin = '';
  let pair = '';

  const tab = async (): Promise<Page> => {
    const t = await openTab(browser);
    tabs.push(t);
    return t.page;
  };

  beforeAll(async () => {
    ws = await startWorkspace({ seed: 'first-day-e2e' });
    // The spreadsheet the team kept until today, imported as the contributor's drafts; a linkage run queues the twin rows.
    const rows = [
      { ...MAN, source_kind: 'relative_post', source_url: 'https://social.example.org/synthetic/post-1' },
      {
        ...MAN,
        patronymic: '',
        death_date: '2024-02',
        source_kind: 'local_media',
        source_url: 'https://news.example.org/synthetic/item-7',
      },
    ].map((record, i) => ({ row: i + 2, record }));
    await importRecords(ws.t.db, rows, {
      actor: contributor.username,
      fileName: 'synthetic-old-spreadsheet.csv',
      fileSha256: 'c'.repeat(64),
      format: 'csv',
    });
    await linkRegister(ws.t.db, { actor: 'synthetic-editor' });
    const both = await ws.t.db.kysely
      .selectFrom('persons')
      .select(['id', 'patronymic'])
      .where('surname', '=', MAN.surname ?? '')
      .execute();
    man = both.find((p) => p.patronymic !== null)?.id ?? '';
    twin = both.find((p) => p.patronymic === null)?.id ?? '';
    const queued = await ws.t.db.kysely
      .selectFrom('link_pairs')
      .select(['id', 'person_a', 'person_b', 'state'])
      .execute();
    pair = queued.find((p) => [p.person_a, p.person_b].sort().join() === [man, twin].sort().join())?.id ?? '';
    expect(pair, 'the linkage run queued the twin rows').not.toBe('');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await ws.close();
  });

  it('the admin signs in with TOTP and creates a contributor and a verifier, whose TOTP secret the page shows once', async () => {
    const page = await tab();
    await page.goto(`${ws.base}/app/`);
    await page.waitForURL(/\/app\/sign-in/);
    await snap(page, 'sign-in');
    await signIn(ws, page, ws.admin);
    await snap(page, 'home-admin');
    await page.click('nav >> text=Accounts');
    const add = async (a: Account): Promise<void> => {
      await page.fill('input[name=new-username]', a.username);
      await page.fill('input[name=new-display-name]', `${a.username} (synthetic)`);
      await page.selectOption('select[name=new-role]', a.role);
      await page.fill('input[name=new-password]', a.password);
      await page.click('form[aria-label="Add an account"] button[type=submit]');
      await page.waitForSelector(`[data-testid=user-${a.username}]`);
    };
    await add(contributor);
    await add(verifier);
    verifier.totpSecret = (await page.locator('[data-testid=totp-secret]').innerText()).trim();
    expect(verifier.totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    await snap(page, 'admin-accounts-totp');
    await page.click('[data-testid=totp-enrolment] button');
    await signOut(page);
  });

  it('the contributor adds a source with a screenshot, records the person it names by accepting a candidate, and cannot confirm it', async () => {
    const page = await tab();
    await signIn(ws, page, contributor);
    await snap(page, 'home-contributor');
    await page.click('nav >> text=Add a source');
    await page.fill('input[name=url]', 'https://news.example.org/synthetic/obituary-first-day');
    await page.selectOption('select[name=kind]', 'obituary');
    await page.fill('input[name=publisher]', 'Synthetic Gazette');
    await page.fill('input[name=published_at]', '2024-02-15');
    await page.fill('input[name=language]', 'ru');
    await page.fill(
      'textarea[name=excerpt]',
      'Synthetic test excerpt: an invented obituary, no real person.',
    );
    await page.click('form[aria-label="1. The source"] button[type=submit]');
    await page.waitForSelector('[data-testid=source-saved]');
    await page.setInputFiles('input[name=evidence]', SCREENSHOT);
    await page.click('button:has-text("Upload")');
    await expect
      .poll(() => page.locator('[data-testid=evidence-results] .notice').innerText())
      .toContain('SHA-256');
    await snap(page, 'intake-source-and-screenshot');

    await page.fill('[data-testid=person-form] input[name=surname]', MAN.surname ?? '');
    await page.fill('[data-testid=person-form] input[name=given_name]', MAN.given_name ?? '');
    await page.fill('[data-testid=person-form] input[name=birth_date]', MAN.birth_date ?? '');
    const candidate = page.locator(`[data-testid=candidates] li[data-person="${man}"]`);
    await candidate.waitFor();
    expect(await candidate.locator('[data-testid=probability]').innerText()).toMatch(/\d+(\.\d)?% likely/);
    await candidate.locator('summary').click();
    expect(await candidate.locator('[data-testid=waterfall] li').count()).toBeGreaterThan(2);
    await snap(page, 'intake-candidate-offered');
    await candidate.locator('button.primary').click();
    await expect
      .poll(() => page.locator('[data-testid=recorded]').innerText())
      .toContain('The claim was added');
    await snap(page, 'intake-candidate-accepted');

    await page.click('[data-testid=recorded] a');
    await page.waitForSelector('[data-testid=facts]');
    expect(page.url()).toContain(`/app/persons/${man}`);
    expect(await page.locator('[data-testid=decide-confirm]').isDisabled()).toBe(true);
    expect(
      await apiStatus(page, 'POST', `/api/persons/${man}/decision`, {
        decision: 'confirmed',
        reason: 'trying anyway',
      }),
    ).toBe(403);
    // the queues are not the contributor's
    expect(await page.locator('nav >> text=Duplicate review').count()).toBe(0);
    await snap(page, 'person-contributor-cannot-confirm');
    await signOut(page);
  });

  it('the verifier signs in with TOTP, finds the person in the verification backlog and confirms it', async () => {
    const page = await tab();
    await signIn(ws, page, verifier);
    await snap(page, 'home-verifier');
    await page.click('nav >> text=Verification backlog');
    const row = page.locator(`[data-testid=backlog] li[data-person="${man}"]`);
    await row.waitFor();
    await snap(page, 'verification-backlog');
    await row.locator('a').click();
    await page.waitForSelector('[data-testid=facts]');
    await page.click('[data-testid=decide-confirm]');
    await page.fill('textarea[name=reason]', 'Synthetic: obituary and a relative’s post agree.');
    await page.click('form.panel button[type=submit]');
    await page.waitForSelector('h1 [data-verification=confirmed]');
    await snap(page, 'person-confirmed');
  });

  it('the verifier resolves the duplicate pair in the review queue with the keyboard', async () => {
    const page = tabs[2]!.page;
    await page.click('nav >> text=Duplicate review');
    const item = page.locator(`[data-testid=duplicates] li[data-pair="${pair}"]`);
    await item.waitFor();
    await snap(page, 'duplicate-queue');
    await item.locator('a').click();
    await page.waitForSelector(`[data-testid=pair-page][data-pair="${pair}"] [data-testid=compare]`);
    await expect.poll(() => page.locator('[data-testid=position]').innerText()).not.toBe('');
    await snap(page, 'duplicate-pair');
    await page.keyboard.press('s');
    // the next pair opens, or the list says the queue is empty
    await page
      .locator('[data-testid=last-decision][data-decision=same]')
      .or(page.getByText('The queue is empty'))
      .waitFor();
    await snap(page, 'duplicate-resolved');
    expect((await findPerson(ws.t.db.kysely, twin))?.merged_into).toBe(man); // the confirmed person is the one kept
    expect(
      (
        await ws.t.db.kysely
          .selectFrom('link_pairs')
          .select('state')
          .where('id', '=', pair)
          .executeTakeFirst()
      )?.state,
    ).toBe('same');
  });

  it("the person's history shows each step of the day: the contributor's claim, the confirmation, the merge", async () => {
    const page = tabs[2]!.page;
    await page.goto(`${ws.base}/app/persons/${man}`);
    await page.waitForSelector('[data-testid=history] li');
    const steps = await page
      .locator('[data-testid=history] li')
      .evaluateAll((lis: { textContent: string | null; getAttribute(name: string): string | null }[]) =>
        lis.map((li) => {
          const text = li.textContent ?? '';
          return `${li.getAttribute('data-action') ?? ''} ${text.includes('carl-volunteer') ? 'carl' : text.includes('vera-editor') ? 'vera' : '?'}`;
        }),
      );
    expect(steps).toEqual(
      expect.arrayContaining(['claim.add carl', 'person.confirm vera', 'person.merge vera']),
    );
    const order = ['claim.add carl', 'person.confirm vera', 'person.merge vera'].map((s) => steps.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // both claims of the old spreadsheet and today's are on the kept person
    expect(await page.locator('[data-testid=facts] thead th').count()).toBe(4); // the fact column + three claims
    await snap(page, 'person-history');
  });

  it('met no Content Security Policy violation on any page', () => {
    expect(tabs.flatMap((t) => t.csp)).toEqual([]);
  });
});
