import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../core/verification/confirmation-rule.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { verifyRelease } from '../release/verify-release.js';
import { seedPerson } from '../testing/seed.js';
import { decide } from '../verification/verification.service.js';
import { cutRelease } from './cut-release.service.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

describe.each(await testDialects())('cutting a release on %s', (dialect) => {
  let t: TestDb;
  let dir: string;
  const confirmed: string[] = [];
  let rejected = '';
  beforeAll(async () => {
    t = await createTestDb(dialect);
    dir = mkdtempSync(join(tmpdir(), 'reckon-release-'));
    for (let i = 0; i < 6; i++) {
      const id = await seedPerson(t.db, { author: 'anna', kind: 'relative_post', person: { surname: `Синтетиков${i}`, name_key: `синтетиков${i}` }, sourceAuthor: 'CANARY-SOURCE-AUTHOR' });
      await decide(t.db, DEFAULT_RULE, { personId: id, decision: 'confirmed', reason: 'relative’s post checked', actor: i % 2 === 0 ? 'boris' : 'vera' });
      confirmed.push(id);
    }
    rejected = await seedPerson(t.db, { author: 'anna', kind: 'local_media', person: { surname: 'Отклонённый', name_key: 'отклоненный' } });
    await decide(t.db, DEFAULT_RULE, { personId: rejected, decision: 'rejected', reason: 'alive, per his mother', actor: 'boris' });
    await seedPerson(t.db, { author: 'anna', kind: 'leaked_registry', person: { surname: 'Бэклогов', name_key: 'бэклогов' } });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes exactly the confirmed deaths, verifies, and fails verification after one flipped byte', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const out = join(dir, 'r1');
    const r = await cutRelease(t.db, DEFAULT_RULE, { date: today, note: 'Synthetic test release.', outDir: out, privateKeyPem, actor: 'editor' });
    expect(r.total).toBe(6);
    const persons = JSON.parse(readFileSync(join(out, 'data', 'persons.json'), 'utf8')) as unknown;
    const text = JSON.stringify(persons);
    for (const id of confirmed) expect(text).toContain(id);
    expect(text).not.toContain(rejected);
    expect(text).not.toContain('Бэклогов');
    for (const [path, body] of filesOf(out)) {
      expect(Buffer.from(body, 'base64').toString('utf8'), path).not.toContain('CANARY-SOURCE-AUTHOR');
    }
    expect(verifyRelease(out, publicKeyPem).ok).toBe(true);

    const target = join(out, 'data', 'persons.csv');
    const bytes = readFileSync(target);
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    writeFileSync(target, bytes);
    expect(verifyRelease(out, publicKeyPem).ok).toBe(false);
  });

  it('is reproducible: the same data gives byte-identical folders; a date is released once', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await expect(cutRelease(t.db, DEFAULT_RULE, { date: today, note: 'again', outDir: join(dir, 'r2'), privateKeyPem, actor: 'editor' })).rejects.toThrow(/immutable/);
    const next = '2099-01-01';
    const a = await cutRelease(t.db, DEFAULT_RULE, { date: next, note: 'Synthetic.', outDir: join(dir, 'a'), privateKeyPem, actor: 'editor', preview: true });
    await cutRelease(t.db, DEFAULT_RULE, { date: next, note: 'Synthetic.', outDir: join(dir, 'b'), privateKeyPem, actor: 'editor', preview: true });
    expect(a.recorded).toBe(false);
    expect(filesOf(join(dir, 'a'))).toEqual(filesOf(join(dir, 'b')));
  });
});
