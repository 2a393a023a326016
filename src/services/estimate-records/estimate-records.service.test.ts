import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../core/verification/confirmation-rule.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { loadDemo } from '../demo/demo.service.js';
import { cutRelease } from '../publication/cut-release.service.js';
import { estimateRegister, linkedPersons, publishStoredEstimate } from './estimate-records.service.js';

describe.each(await testDialects())('estimates from the register on %s', (dialect) => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    dir = mkdtempSync(join(tmpdir(), 'reckon-estimate-'));
    await loadDemo(t.db, { persons: 400, seed: 'estimate', confirmShare: 1 });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds lists from source kinds of linked persons and stores a dated estimate at least the named count', async () => {
    const persons = await linkedPersons(t.db, { confirmedOnly: true });
    expect(persons.length).toBeGreaterThan(300);
    const result = await estimateRegister(t.db, { actor: 'stat', method: 'loglinear' });
    expect(result.overall.inputs.lists).toEqual(['relatives', 'local_media', 'official', 'graves']);
    expect(result.overall.estimate).toBeGreaterThanOrEqual(result.overall.inputs.observed);
    expect(result.overall.lower).toBeLessThanOrEqual(result.overall.estimate);
    const row = await t.db.kysely.selectFrom('estimates').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
    expect(row.method).toBe('loglinear');
    expect(row.published_at).toBeNull();
  });

  it('shows a published estimate, with its assumptions, in the next release', async () => {
    const { id, overall } = await estimateRegister(t.db, { actor: 'stat', method: 'loglinear' });
    await publishStoredEstimate(t.db, id, 'editor');
    const { privateKey } = generateKeyPairSync('ed25519');
    const out = join(dir, 'release');
    await cutRelease(t.db, DEFAULT_RULE, { date: '2099-12-31', note: 'Synthetic.', outDir: out, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), actor: 'editor' });
    const tally = readFileSync(join(out, 'en', 'index.html'), 'utf8');
    const shown = /<p class="estimate">[^<]*<strong>([^<]+)<\/strong>/.exec(tally)?.[1];
    expect(Number(shown?.replace(/\D/g, ''))).toBe(Math.round(overall.estimate));
    expect(readFileSync(join(out, 'en', 'methodology.html'), 'utf8')).toContain(overall.assumptions[0]?.slice(0, 20) ?? 'none');
  });
});
