// CSRF in a real browser: a verifier signed in to the workspace visits an attacker's page on a second loopback
// origin (same site, other port: the session cookie's SameSite=Strict does not help there) and on another
// site (localhost). The page tries a form post, a cross-origin fetch with the CSRF header (needs a preflight
// the server never grants) and a no-cors fetch without it. Nothing may change in the register.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/auth/user.service.js';
import { launchChromium, openTab, signIn, startWorkspace, testAccount, type Workspace } from './kit.js';

/** The attacker's page: three forgery attempts against `target`, then it writes what the browser let it see. */
function attackPage(target: string, personId: string): string {
  const url = `${target}/api/persons/${personId}/decision`;
  return `<!doctype html><html><body>
<form id="f" method="post" action="${url}" target="sink" enctype="text/plain">
<input name='{"decision":"confirmed","reason":"forged by a form","x":"' value='"}'></form>
<iframe name="sink"></iframe>
<pre id="out"></pre>
<script>
const out = [];
const body = JSON.stringify({ decision: 'confirmed', reason: 'forged by fetch' });
(async () => {
  try {
    const r = await fetch(${JSON.stringify(url)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Reckon-CSRF': '1' }, body });
    out.push('fetch with header: ' + r.status);
  } catch (e) { out.push('fetch with header: blocked'); }
  try {
    await fetch(${JSON.stringify(url)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body });
    out.push('no-cors fetch: sent');
  } catch (e) { out.push('no-cors fetch: blocked'); }
  document.getElementById('f').submit();
  out.push('form: submitted');
  document.getElementById('out').textContent = out.join('\\n');
})();
</script></body></html>`;
}

describe('cross-site request forgery from a second origin, in Chromium', () => {
  let ws: Workspace;
  let browser: Browser;
  let attacker: ServerType;
  let attackerPort = 0;
  let target = '';
  const verifier = testAccount('vera-csrf', 'verifier', 'synthetic editor passphrase');

  beforeAll(async () => {
    ws = await startWorkspace({ persons: 30, seed: 'workspace-csrf' });
    const added = await addUser(ws.t.db, {
      username: verifier.username,
      role: 'verifier',
      password: verifier.password,
      actor: 'setup',
    });
    verifier.totpSecret = added.totp?.secret ?? null;
    const row = await ws.t.db.kysely
      .selectFrom('persons')
      .select('id')
      .where('verification', '=', 'reported')
      .where('merged_into', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    target = row.id;
    const app = new Hono();
    app.get('/attack', (c) => c.html(attackPage(ws.base, target)));
    await new Promise<void>((resolve) => {
      attacker = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        attackerPort = info.port;
        resolve();
      });
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    attacker.close();
    await ws.close();
  });

  /** The person's state and every audit event but sign-ins and sign-outs. */
  const state = async (): Promise<{ verification: string; events: string[] }> => {
    const p = await ws.t.db.kysely
      .selectFrom('persons')
      .select('verification')
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    const e = await ws.t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'not like', 'session.%')
      .orderBy('seq')
      .execute();
    return { verification: p.verification, events: e.map((r) => r.action) };
  };

  for (const host of ['127.0.0.1', 'localhost']) {
    it(`refuses every forged decision from http://${host}:<other port>; the register is unchanged`, async () => {
      const before = await state();
      const tab = await openTab(browser);
      const { page } = tab;
      await signIn(ws, page, verifier);
      const responses: number[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/decision')) responses.push(r.status());
      });
      await page.goto(`http://${host}:${attackerPort}/attack`);
      await page.waitForFunction('document.getElementById("out").textContent.includes("form: submitted")');
      await page.waitForLoadState('networkidle');
      const seen = await page.locator('#out').innerText();
      expect(seen).toContain('fetch with header: blocked'); // the preflight is never granted
      expect(responses.length).toBeGreaterThanOrEqual(1); // the form post and the no-cors fetch reach the server…
      expect(responses.every((s) => s === 403)).toBe(true); // …and are refused
      expect(await state()).toEqual(before);
      // the same session can still decide from the app itself (the refusals were CSRF, not a dead session)
      await page.goto(`${ws.base}/app/persons/${target}`);
      await page.waitForSelector('[data-testid=facts]');
      await tab.close();
    });
  }
});
