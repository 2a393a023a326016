// Four-eyes corrections (REV-4EYES) in Debian Chromium against a real server and register: verifier A
// proposes a correction to a confirmed person (the page says it is pending and shows it; nothing changes),
// sees it in the queue of pending corrections but cannot approve it (the server answers 403 too); verifier B
// signs in with TOTP, approves it from the queue, and the person page shows the new name with both steps in
// the history; a second proposal B declines leaves the person as it was. Russian on a 390×844 phone without
// horizontal scrolling; no CSP violation. Screenshots in test-results/workspace/edits/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../src/db/repositories/person.repository.js';
import { addUser } from '../../src/services/auth/user.service.js';
import {
  apiStatus,
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

// Invented corrected surnames (synthetic: no real person).
const APPROVED = 'Исправленцев';
const DECLINED = 'Отклонёнов';
const ON_PHONE = 'Телефонов';

interface Target {
  id: string;
  surname: string;
}

/** The rows of the person's history: action and who (A, B or someone else). */
async function historySteps(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-testid=history] > li');
  const out: string[] = [];
  for (const li of await page.locator('[data-testid=history] > li').all()) {
    const text = await li.innerText();
    const who = text.includes('vera-editor') ? 'A' : text.includes('boris-editor') ? 'B' : '-';
    out.push(`${(await li.getAttribute('data-action')) ?? ''} ${who}`);
  }
  return out;
}

/** Opens the correction form on the person page, proposes `value` for the surname and waits for the answer. */
async function proposeSurname(page: Page, value: string, reason: string): Promise<void> {
  const panel = 'section[aria-labelledby=edit-title]';
  await page.click('[data-testid=edit]');
  await page.selectOption('select[name=edit-field]', 'surname');
  await page.fill('input[name=edit-value]', value);
  await page.fill(`${panel} textarea[name=reason]`, reason);
  await page.click(`${panel} form button[type=submit]`);
  await page.waitForSelector('[data-testid=edit-done][data-pending=true]');
}

describe('corrections of confirmed persons wait for a second editor, in Chromium', () => {
  let ws: Workspace;
  let browser: Browser;
  const tabs: Tab[] = [];
  const verifierA = testAccount('vera-editor', 'verifier', 'synthetic editor passphrase A');
  const verifierB = testAccount('boris-editor', 'verifier', 'synthetic editor passphrase B');
  let approved: Target;
  let declined: Target;
  let onPhone: Target;

  const tab = async (options?: Parameters<typeof openTab>[1]): Promise<Page> => {
    const t = await openTab(browser, options);
    tabs.push(t);
    return t.page;
  };
  const surname = async (id: string): Promise<string | null> =>
    (await findPerson(ws.t.db.kysely, id))?.surname ?? null;
  const editsOf = (id: string) =>
    ws.t.db.kysely
      .selectFrom('person_edits')
      .select(['id', 'state', 'proposed_by', 'decided_by'])
      .where('person_id', '=', id)
      .execute();

  beforeAll(async () => {
    ws = await startWorkspace({ persons: 40, seed: 'edits-e2e' });
    for (const [account, name] of [
      [verifierA, 'Vera (synthetic editor A)'],
      [verifierB, 'Boris (synthetic editor B)'],
    ] as const)
      account.totpSecret =
        (await addUser(ws.t.db, { ...account, displayName: name, actor: 'setup' })).totp?.secret ?? null;
    // Three persons the synthetic demo's second editor confirmed.
    const confirmed = await ws.t.db.kysely
      .selectFrom('persons')
      .select(['id', 'surname'])
      .where('verification', '=', 'confirmed')
      .where('merged_into', 'is', null)
      .where('surname', 'is not', null)
      .orderBy('id')
      .limit(3)
      .execute();
    expect(confirmed.length, 'the demo register has confirmed persons').toBe(3);
    [approved, declined, onPhone] = confirmed.map((p) => ({ id: p.id, surname: p.surname ?? '' })) as [
      Target,
      Target,
      Target,
    ];
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await ws.close();
  });

  it('verifier A proposes corrections to confirmed persons: the page says they are pending and shows them; nothing changes yet', async () => {
    const page = await tab();
    await signIn(ws, page, verifierA);
    await page.goto(`${ws.base}/app/persons/${approved.id}`);
    await page.waitForSelector('h1 [data-verification=confirmed]');
    await proposeSurname(page, APPROVED, 'Synthetic: the obituary spells the surname this way.');
    expect(await page.locator('[data-testid=edit-done]').innerText()).toContain(
      'Proposed: a second editor must approve a change to a confirmed person.',
    );
    const pending = page.locator('[data-testid=pending-edits] li[data-field=surname]');
    await pending.waitFor();
    expect(await pending.locator('[data-testid=before]').innerText()).toBe(approved.surname);
    expect(await pending.locator('[data-testid=after]').innerText()).toBe(APPROVED);
    expect(await pending.innerText()).toContain('proposed by vera-editor');
    expect(await page.locator('h1').innerText()).toContain(approved.surname);
    expect(await surname(approved.id)).toBe(approved.surname);
    expect(await editsOf(approved.id)).toEqual([
      expect.objectContaining({ state: 'pending', proposed_by: verifierA.username, decided_by: null }),
    ]);
    await shot(page, 'edits/person-pending');

    await page.goto(`${ws.base}/app/persons/${declined.id}`);
    await page.waitForSelector('h1 [data-verification=confirmed]');
    await proposeSurname(page, DECLINED, 'Synthetic: a second spelling to decline.');
    await page.waitForSelector('[data-testid=pending-edits] li[data-field=surname]');
    expect(await surname(declined.id)).toBe(declined.surname);
  });

  it('A finds both proposals in the queue, oldest first, marked as A’s own and not approvable by A; the server refuses A with 403', async () => {
    const page = tabs[0]!.page;
    await page.click('[data-testid=edit-done] a');
    await page.waitForURL(/\/app\/queues\/edits$/);
    await page.waitForSelector('[data-testid=edits] > li');
    const listed = await Promise.all(
      (await page.locator('[data-testid=edits] > li').all()).map((li) => li.getAttribute('data-person')),
    );
    expect(listed).toEqual([approved.id, declined.id]);
    expect(await page.locator('[data-testid=edits-count]').innerText()).toBe('2 waiting');
    const [first] = await editsOf(approved.id);
    const item = page.locator(`[data-testid=edits] > li[data-edit="${first?.id ?? ''}"]`);
    expect(await item.getAttribute('data-own')).toBe('true');
    expect(await item.locator('[data-testid=own-note]').innerText()).toContain(
      'another editor must approve it',
    );
    const approve = item.locator(`[data-testid=approve-${first?.id ?? ''}]`);
    expect(await approve.isDisabled()).toBe(true);
    expect(await approve.getAttribute('title')).toBe('You proposed it: another editor must approve it.');
    expect(await item.locator(`[data-testid=decline-${first?.id ?? ''}]`).innerText()).toBe(
      'Withdraw my proposal',
    );
    expect(
      await apiStatus(page, 'POST', `/api/edits/${first?.id ?? ''}/approve`, {
        reason: 'approving my own, which four eyes forbid',
      }),
    ).toBe(403);
    expect(await surname(approved.id)).toBe(approved.surname);
    await shot(page, 'edits/queue-own');
  });

  it('verifier B signs in with TOTP, approves one correction and declines the other from the queue; the list updates after each', async () => {
    const page = await tab();
    await signIn(ws, page, verifierB);
    await page.click('nav >> text=Pending corrections');
    await page.waitForSelector('[data-testid=edits] > li');
    const [one] = await editsOf(approved.id);
    const [two] = await editsOf(declined.id);
    const item = page.locator(`[data-testid=edits] > li[data-edit="${one?.id ?? ''}"]`);
    expect(await item.getAttribute('data-own')).toBe('false');
    expect(await item.locator('[data-testid=field]').innerText()).toBe('Surname');
    expect(await item.locator('[data-testid=before]').innerText()).toBe(approved.surname);
    expect(await item.locator('[data-testid=after]').innerText()).toBe(APPROVED);
    expect(await item.locator('[data-testid=reason]').innerText()).toBe(
      'Synthetic: the obituary spells the surname this way.',
    );
    expect(await item.locator('[data-testid=proposed-by]').innerText()).toMatch(/^vera-editor, /);
    expect(await item.locator(`a[href="/app/persons/${approved.id}"]`).count()).toBe(1);
    await shot(page, 'edits/queue');

    // the reason is required
    await item.locator(`[data-testid=approve-${one?.id ?? ''}]`).click();
    await item.locator('form button[type=submit]').click();
    await expect.poll(() => item.locator('[role=alert]').innerText()).toContain('at least 3 characters');
    await item.locator('textarea[name=reason]').fill('Synthetic: checked against the obituary.');
    await item.locator('form button[type=submit]').click();
    await expect
      .poll(() => page.locator('[data-testid=edit-outcome]').innerText())
      .toContain('Approved: Surname of');
    await expect.poll(() => page.locator('[data-testid=edits] > li').count()).toBe(1);
    expect(await page.locator('[data-testid=edits-count]').innerText()).toBe('1 waiting');
    expect(await surname(approved.id)).toBe(APPROVED);
    await shot(page, 'edits/queue-after-approve');

    const other = page.locator(`[data-testid=edits] > li[data-edit="${two?.id ?? ''}"]`);
    await other.locator(`[data-testid=decline-${two?.id ?? ''}]`).click();
    await other.locator('textarea[name=reason]').fill('Synthetic: the sources do not support this spelling.');
    await other.locator('form button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=edit-outcome]').innerText()).toContain('Declined:');
    await page.waitForSelector('[data-testid=edits-empty]');
    expect(await page.locator('[data-testid=edits-empty]').innerText()).toBe('No corrections are waiting.');
    expect(await surname(declined.id)).toBe(declined.surname);
    expect(await editsOf(approved.id)).toEqual([
      expect.objectContaining({ state: 'applied', decided_by: verifierB.username }),
    ]);
    expect(await editsOf(declined.id)).toEqual([
      expect.objectContaining({ state: 'declined', decided_by: verifierB.username }),
    ]);
    await shot(page, 'edits/queue-empty');
  });

  it('the person page shows the approved value, the history both steps; the declined proposal left its person unchanged', async () => {
    const page = tabs[1]!.page;
    await page.goto(`${ws.base}/app/persons/${approved.id}`);
    await page.waitForSelector('[data-testid=history] > li');
    expect(await page.locator('h1').innerText()).toContain(APPROVED);
    expect(await page.locator('[data-testid=pending-edits]').count()).toBe(0);
    const steps = await historySteps(page);
    expect(steps.slice(-2)).toEqual(['person.edit.propose A', 'person.edit B']);
    const proposal = page.locator('[data-testid=history] > li[data-action="person.edit.propose"]');
    expect(await proposal.innerText()).toContain('proposed a correction');
    const applied = page.locator('[data-testid=history] > li[data-action="person.edit"]');
    expect(await applied.locator('.before-after > div').first().innerText()).toContain(approved.surname);
    expect(await applied.locator('.before-after > div').last().innerText()).toContain(APPROVED);
    await shot(page, 'edits/person-approved');

    await page.goto(`${ws.base}/app/persons/${declined.id}`);
    await page.waitForSelector('[data-testid=history] > li');
    expect(await page.locator('h1').innerText()).toContain(declined.surname);
    expect(await page.locator('h1').innerText()).not.toContain(DECLINED);
    expect(await page.locator('[data-testid=pending-edits]').count()).toBe(0);
    expect((await historySteps(page)).slice(-2)).toEqual(['person.edit.propose A', 'person.edit.decline B']);
    expect(
      await page.locator('[data-testid=history] > li[data-action="person.edit.decline"]').innerText(),
    ).toContain('declined a proposed correction');
    await shot(page, 'edits/person-declined');
  });

  it('A proposes to undo the approved correction from the history: the queue marks it as a revert; B approves it and the earlier surname is back', async () => {
    const pageA = tabs[0]!.page;
    await pageA.goto(`${ws.base}/app/persons/${approved.id}`);
    const applied = pageA.locator('[data-testid=history] > li[data-action="person.edit"]');
    await applied.waitFor();
    await applied.locator('[data-testid^=revert-]').click();
    await applied.locator('textarea[name=reason]').fill('Synthetic: the first spelling was right after all.');
    await applied.locator('form button[type=submit]').click();
    await pageA.waitForSelector('[data-testid=revert-done][data-pending=true]');
    expect(await surname(approved.id)).toBe(APPROVED);

    const pageB = tabs[1]!.page;
    await pageB.goto(`${ws.base}/app/queues/edits`);
    const item = pageB.locator('[data-testid=edits] > li[data-kind=revert]');
    await item.waitFor();
    expect(await item.getAttribute('data-person')).toBe(approved.id);
    expect(await item.locator('[data-testid=revert-note]').innerText()).toContain('A revert');
    expect(await item.locator('[data-testid=before]').innerText()).toBe(APPROVED);
    expect(await item.locator('[data-testid=after]').innerText()).toBe(approved.surname);
    await shot(pageB, 'edits/queue-revert');
    await item.locator('[data-testid^=approve-]').click();
    await item.locator('textarea[name=reason]').fill('Synthetic: agreed, the first spelling stands.');
    await item.locator('form button[type=submit]').click();
    await pageB.waitForSelector('[data-testid=edits-empty]');
    expect(await surname(approved.id)).toBe(approved.surname);
  });

  it('fits a phone in Russian: a proposal on the person page and the queue', async () => {
    const page = await tab({ viewport: PHONE, lang: 'ru' });
    await signIn(ws, page, verifierA);
    await page.goto(`${ws.base}/app/persons/${onPhone.id}`);
    await page.waitForSelector('h1 [data-verification=confirmed]');
    await proposeSurname(page, ON_PHONE, 'Синтетика: проверка на телефоне.');
    expect(await page.locator('[data-testid=edit-done]').innerText()).toContain('Предложено');
    await page.waitForSelector('[data-testid=pending-edits] li[data-field=surname]');
    expect(await page.locator('[data-testid=pending-edits] h2').innerText()).toBe('Правки, ждущие одобрения');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'edits/phone-ru-person');
    await page.click('[data-testid=open-edit-queue]');
    await page.waitForSelector('[data-testid=edits] > li');
    expect(await page.locator('main h1').innerText()).toBe('Правки, ждущие одобрения');
    expect(await page.locator('[data-testid=own-note]').innerText()).toContain('другой редактор');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'edits/phone-ru-queue');
    expect(await surname(onPhone.id)).toBe(onPhone.surname);
  });

  it('met no Content Security Policy violation', () => {
    expect(tabs.flatMap((t) => t.csp)).toEqual([]);
  });
});
