// The workspace app in Debian Chromium against a real server and register: each role signs in; the admin
// makes accounts; a contributor adds a source with a screenshot and records a person (a candidate is offered
// and accepted) but cannot confirm; a verifier with TOTP confirms; the history shows each step. No CSP
// violations, no horizontal scrolling on a phone, both languages. Screenshots go to test-results/workspace/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  apiStatus,
  horizontalOverflow,
  launchChromium,
  openTab,
  PHONE,
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
// A synthetic person (no real name): typed from two sources.
const PERSON = {
  surname: 'Вымышленко',
  given_name: 'Тестимир',
  patronymic: 'Синтетович',
  birth_date: '1994-03-12',
  region: 'Свердловская область',
  death_date: '2026-10-02',
};

describe('the workspace app: a team’s first day, in Chromium', () => {
  let ws: Workspace;
  let browser: Browser;
  const tabs: Tab[] = [];
  const contributor = testAccount('carl-volunteer', 'contributor', 'synthetic volunteer passphrase');
  const verifier = testAccount('vera-editor', 'verifier', 'synthetic editor passphrase');
  const viewer = testAccount('vic-reader', 'viewer', 'synthetic reader passphrase');
  let personId = '';

  const tab = async (options?: Parameters<typeof openTab>[1]): Promise<Tab> => {
    const t = await openTab(browser, options);
    tabs.push(t);
    return t;
  };

  beforeAll(async () => {
    ws = await startWorkspace();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await ws.close();
  });

  it('sends a signed-out visitor to sign in and back; a wrong password says so; the admin signs in with TOTP', async () => {
    const { page } = await tab();
    await page.goto(`${ws.base}/app/admin/users`);
    await page.waitForURL(/\/app\/sign-in\?next=%2Fadmin%2Fusers/);
    await shot(page, 'sign-in-en');
    await page.fill('input[name=username]', ws.admin.username);
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.locator('[role=alert]').innerText())
      .toContain('Wrong username, password or code');
    await page.fill('input[name=password]', ws.admin.password);
    await page.fill('input[name=totp]', ws.totp(ws.admin.totpSecret ?? ''));
    await page.click('button[type=submit]');
    await page.waitForURL(/\/app\/admin\/users$/);
    expect(await page.locator('[data-testid=who]').innerText()).toContain('admin');
  });

  it('lets the admin create a contributor, a verifier (TOTP enrolment shown once) and a viewer', async () => {
    const { page } = tabs[0]!;
    const add = async (a: Account): Promise<void> => {
      await page.fill('input[name=new-username]', a.username);
      await page.fill('input[name=new-display-name]', `${a.username} (synthetic)`);
      await page.selectOption('select[name=new-role]', a.role);
      await page.fill('input[name=new-password]', a.password);
      await page.click('form[aria-label="Add an account"] button[type=submit]');
      await page.waitForSelector(`[data-testid=user-${a.username}]`);
    };
    await add(contributor);
    expect(await page.locator('[data-testid=totp-enrolment]').count()).toBe(0);
    await add(verifier);
    verifier.totpSecret = (await page.locator('[data-testid=totp-secret]').innerText()).trim();
    expect(verifier.totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, 'admin-users-totp');
    await page.click('[data-testid=totp-enrolment] button');
    expect(await page.locator('[data-testid=totp-enrolment]').count()).toBe(0);
    await add(viewer);
    expect(await page.locator(`[data-testid=user-${verifier.username}] [data-testid=role]`).innerText()).toBe(
      'verifier',
    );
    // a weak password is refused with the server's reason
    await page.fill('input[name=new-username]', 'weak-one');
    await page.fill('input[name=new-password]', 'password');
    await page.click('form[aria-label="Add an account"] button[type=submit]');
    await expect
      .poll(() => page.locator('form[aria-label="Add an account"] [role=alert]').innerText())
      .toMatch(/password/i);
    await shot(page, 'admin-users');
    await signOut(page);
  });

  it('lets the contributor add a source with a screenshot, refuse a wrong file, and record a new person', async () => {
    const { page } = await tab();
    await signIn(ws, page, contributor);
    expect(await page.locator('[data-testid=who]').innerText()).toContain('contributor');
    await shot(page, 'home-contributor');
    await page.click('nav >> text=Add a source');
    await page.fill('input[name=url]', 'https://news.example.org/synthetic/obituary-1');
    await page.selectOption('select[name=kind]', 'obituary');
    await page.fill('input[name=publisher]', 'Synthetic Gazette');
    await page.fill('input[name=published_at]', '2026-10-05');
    await page.fill('input[name=language]', 'ru');
    await page.fill('textarea[name=excerpt]', 'Synthetic test excerpt: no real person.');
    await page.click('form[aria-label="1. The source"] button[type=submit]');
    await page.waitForSelector('[data-testid=source-saved]');
    // a text file is refused before upload; the PNG is stored under its SHA-256
    await page.setInputFiles('input[name=evidence]', [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') },
    ]);
    await page.click('button:has-text("Upload")');
    await expect
      .poll(() => page.locator('[data-testid=evidence-results] .error').innerText())
      .toContain('not accepted');
    await page.setInputFiles('input[name=evidence]', SCREENSHOT);
    await page.click('button:has-text("Upload")');
    await expect
      .poll(() => page.locator('[data-testid=evidence-results] .notice').innerText())
      .toContain('SHA-256');
    for (const [field, value] of Object.entries(PERSON))
      await page.fill(`[data-testid=person-form] input[name=${field}]`, value);
    await page.waitForSelector('[data-testid=candidates], [data-testid=no-candidates]');
    await shot(page, 'intake-new-person');
    await page.click('[data-testid=create-person]');
    await page.waitForSelector('[data-testid=recorded] a');
    const href = await page.locator('[data-testid=recorded] a').first().getAttribute('href');
    personId = decodeURIComponent(href?.split('/persons/')[1] ?? '');
    expect(personId).not.toBe('');
  });

  it('offers the recorded person as a candidate for a second source, with probability and reasons; accepting adds the claim', async () => {
    const { page } = tabs[1]!;
    await page.click('text=Start another source');
    await page.fill('input[name=url]', 'https://local.example.org/synthetic/report-2');
    await page.selectOption('select[name=kind]', 'local_media');
    await page.click('form[aria-label="1. The source"] button[type=submit]');
    await page.waitForSelector('[data-testid=source-saved]');
    await page.setInputFiles('input[name=evidence]', SCREENSHOT);
    await page.click('button:has-text("Upload")');
    await expect
      .poll(() => page.locator('[data-testid=evidence-results] .notice').innerText())
      .toContain('already stored');
    await page.fill('[data-testid=person-form] input[name=surname]', PERSON.surname);
    await page.fill('[data-testid=person-form] input[name=given_name]', PERSON.given_name);
    await page.fill('[data-testid=person-form] input[name=birth_date]', PERSON.birth_date);
    await page.fill('[data-testid=person-form] input[name=death_date]', '2026-10-03'); // the sources disagree
    await page.click('[data-testid=person-form] summary');
    await page.fill('[data-testid=person-form] input[name=unit]', 'synthetic unit 0');
    const candidate = page.locator(`[data-testid=candidates] li[data-person="${personId}"]`);
    await candidate.waitFor();
    expect(await candidate.locator('[data-testid=probability]').innerText()).toMatch(/\d+(\.\d)?% likely/);
    await candidate.locator('summary').click();
    expect(await candidate.locator('[data-testid=waterfall] li').count()).toBeGreaterThan(2);
    await shot(page, 'intake-candidates');
    await candidate.locator('button.primary').click();
    await expect
      .poll(() => page.locator('[data-testid=recorded]').innerText())
      .toContain('The claim was added');
  });

  it('shows the contributor the person with both sources side by side, and no enabled confirm; the server refuses anyway', async () => {
    const { page } = tabs[1]!;
    await page.click('[data-testid=recorded] a');
    await page.waitForSelector('[data-testid=facts]');
    expect(await page.locator('[data-testid=facts] thead th').count()).toBe(3); // the fact column + two claims
    expect(await page.locator('[data-testid=facts] tr[data-field=unit]').getAttribute('data-conflict')).toBe(
      'false',
    );
    expect(
      await page.locator('[data-testid=facts] tr[data-field=death_date]').getAttribute('data-conflict'),
    ).toBe('true');
    expect(await page.locator('[data-testid=facts] tr[data-field=death_date] td').allInnerTexts()).toEqual([
      PERSON.death_date,
      '2026-10-03',
    ]);
    expect(await page.locator('[data-testid=decide-confirm]').isDisabled()).toBe(true);
    expect(await page.locator('text=Only editors (verifiers) and admins decide').count()).toBe(1);
    expect(
      await apiStatus(page, 'POST', `/api/persons/${personId}/decision`, {
        decision: 'confirmed',
        reason: 'trying anyway',
      }),
    ).toBe(403);
    await shot(page, 'person-contributor');
    await signOut(page);
  });

  it('lets the verifier, with TOTP, correct a field and revert it, confirm with a reason, split a claim off and undo it; the history shows each step', async () => {
    const { page } = await tab();
    /** Opens a reason form within `scope`, writes the reason and submits it. */
    const withReason = async (scope: string, opener: string, reason: string): Promise<void> => {
      await page.click(`${scope} ${opener}`);
      await page.fill(`${scope} textarea[name=reason]`, reason);
      await page.click(`${scope} form button[type=submit]`);
    };
    const claimColumns = (): Promise<number> => page.locator('[data-testid=facts] thead th').count();
    await signIn(ws, page, verifier);
    await page.click('nav >> text=Persons');
    await page.fill('input[name=q]', PERSON.surname);
    await page.click('form[role=search] button[type=submit]');
    await page.click(`[data-testid=person-list] a[href="/app/persons/${personId}"]`);
    await page.waitForSelector('[data-testid=facts]');
    // a field correction, then its revert from the history
    await page.click('[data-testid=edit]');
    await page.selectOption('select[name=edit-field]', 'unit');
    await page.fill('input[name=edit-value]', 'synthetic unit 7');
    await page.fill(
      'section[aria-labelledby=edit-title] textarea[name=reason]',
      'The second source names the unit more precisely.',
    );
    await page.click('section[aria-labelledby=edit-title] form button[type=submit]');
    await page.waitForSelector('[data-testid=history] > li[data-action="person.edit"]');
    await withReason(
      '[data-testid=history] > li[data-action="person.edit"]',
      'button:has-text("Revert")',
      'Corrected the wrong field by mistake.',
    );
    await page.waitForSelector('[data-testid=history] > li[data-action="person.revert"]');
    const decision = 'section[aria-labelledby=verification-title]';
    await withReason(decision, '[data-testid=decide-confirm]', 'ok');
    expect(await page.locator(`${decision} [role=alert]`).first().innerText()).toContain(
      'at least 3 characters',
    );
    await page.fill(`${decision} textarea[name=reason]`, 'Two independent synthetic sources agree.');
    await page.click(`${decision} form button[type=submit]`);
    await page.waitForSelector('h1 [data-verification=confirmed]');
    // split the second claim off into its own person, then undo the split from the history
    expect(await claimColumns()).toBe(3);
    await withReason(
      '[data-testid=facts] thead th:nth-child(3)',
      '[data-testid^=split-]',
      'Checking whether these are two men.',
    );
    await page.waitForSelector('text=The claim now stands as its own person');
    await expect.poll(claimColumns).toBe(2);
    await withReason(
      '[data-testid=history] > li[data-action="person.split"]',
      'button:has-text("Revert")',
      'They are the same man after all.',
    );
    await expect.poll(claimColumns).toBe(3);
    await shot(page, 'person-verifier-history');

    const actions: string[] = [];
    for (const li of await page.locator('[data-testid=history] > li').all()) {
      const who = (await li.innerText()).includes('carl-volunteer')
        ? 'carl'
        : (await li.innerText()).includes('vera-editor')
          ? 'vera'
          : '?';
      actions.push(`${(await li.getAttribute('data-action')) ?? ''} ${who}`);
    }
    expect(actions.slice(0, 6)).toEqual([
      'person.add carl',
      'claim.add carl',
      'person.edit vera',
      'person.revert vera',
      'person.confirm vera',
      'person.split vera',
    ]);
    expect(actions.length).toBe(7); // and the split's undo (a merge back)
    await shot(page, 'person-verifier');
    await page.click('nav >> text=Persons');
    await shot(page, 'persons');
  });

  it('lets the verifier merge another record into the person (picked by name) and undo the merge', async () => {
    const { page } = tabs[2]!;
    const other = await ws.t.db.kysely
      .selectFrom('persons')
      .select('id')
      .where('verification', '=', 'reported')
      .where('merged_into', 'is', null)
      .where('id', '!=', personId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${ws.base}/app/persons/${other.id}`);
    await page.waitForSelector('[data-testid=facts]');
    await page.click('[data-testid=merge]');
    await page.fill('input[name=merge-target]', PERSON.surname);
    await page.click(`section[aria-labelledby=merge-title] li:has-text("${PERSON.given_name}") button`);
    await page.fill(
      'section[aria-labelledby=merge-title] textarea[name=reason]',
      'Synthetic test: the same man.',
    );
    await page.click('section[aria-labelledby=merge-title] form button[type=submit]');
    await page.waitForURL(new RegExp(`/app/persons/${personId}$`)); // the confirmed person is the one kept
    await page.goto(`${ws.base}/app/persons/${other.id}`);
    await page.waitForSelector('text=This record was merged into another person.');
    await shot(page, 'person-merged');
    await page.click('[data-testid=unmerge]');
    await page.fill('section[aria-labelledby=merge-title] textarea[name=reason]', 'Synthetic test: undo.');
    await page.click('section[aria-labelledby=merge-title] form button[type=submit]');
    await page.waitForSelector('text=The merge is undone');
    expect(await page.locator('text=This record was merged into another person.').count()).toBe(0);
    await page.goto(`${ws.base}/app/persons/${personId}`);
    await page.waitForSelector('[data-testid=history] > li');
    const actions = await Promise.all(
      (await page.locator('[data-testid=history] > li').all()).map((li) => li.getAttribute('data-action')),
    );
    expect(actions.slice(-2)).toEqual(['person.merge', 'person.unmerge']); // recorded on the kept person
  });

  it('gives the viewer the register but not intake, and switches the interface to Russian', async () => {
    const { page } = await tab();
    await signIn(ws, page, viewer);
    expect(await page.locator('nav >> text=Add a source').count()).toBe(0);
    await page.goto(`${ws.base}/app/intake`);
    await page.waitForSelector('text=Not for your role');
    await page.click('button[lang=ru]');
    await page.waitForSelector('text=Недоступно для вашей роли');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.goto(`${ws.base}/app/persons/${personId}`);
    await page.waitForSelector('h1 [data-verification=confirmed]');
    expect(await page.locator('h1 [data-verification=confirmed]').innerText()).toBe('подтверждено');
    expect(await page.locator('h2').allInnerTexts()).toContain('История');
    await shot(page, 'person-viewer-ru');
  });

  it('has no horizontal scrolling on a phone, in Russian, on any page', async () => {
    const { page } = await tab({ viewport: PHONE, lang: 'ru' });
    await signIn(ws, page, ws.admin);
    const pages: [string, string][] = [
      ['/app/', 'home'],
      ['/app/persons', 'persons'],
      [`/app/persons/${personId}`, 'person'],
      ['/app/intake', 'intake'],
      ['/app/admin/users', 'admin-users'],
      ['/app/queues/backlog', 'backlog'],
      ['/app/queues/duplicates', 'duplicates'],
      ['/app/imports', 'imports'],
    ];
    for (const [path, name] of pages) {
      await page.goto(`${ws.base}${path}`);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      await shot(page, `phone-ru-${name}`);
    }
    await signOut(page);
    await shot(page, 'phone-ru-sign-in');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('met no Content Security Policy violation on any page', () => {
    expect(tabs.flatMap((t) => t.csp)).toEqual([]);
  });
});
