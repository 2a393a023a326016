import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicPersonSchema, type ReleaseInput } from '../../core/release/release.schemas.js';
import { makeReleaseInput, testKeyPair } from './fixtures/release-input.js';
import { verifyRelease } from './verify-release.js';
import { writeRelease } from './write-release.js';

// PUBLIC-EXPORT: private fields the register holds must never reach a public artifact.
const CANARIES = {
  sourceAuthor: 'CANARY-source-author-7f3a',
  sourcePublisherContact: 'CANARY-publisher-phone-+79990001122',
  contributorId: 'CANARY-contributor-0b9e',
  contributorEmail: 'canary.contributor@example.invalid',
  witnessNotes: 'CANARY-witness-Квакин',
  restrictedNote: 'CANARY-restricted-d41c',
  reviewerId: 'CANARY-reviewer-55aa',
  evidencePath: '/evidence/CANARY-file-9c1d.png',
};
const NEEDLES = Object.values(CANARIES).flatMap((c) => [c, c.toLowerCase(), createHash('sha256').update(c).digest('hex')]);

const tmp = mkdtempSync(join(tmpdir(), 'reckon-public-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('PUBLIC-EXPORT', () => {
  it('publicPersonSchema strips every non-public key', () => {
    const base = makeReleaseInput(1).persons[0];
    const parsed = publicPersonSchema.parse({ ...base, ...CANARIES, claims: [{ author: CANARIES.sourceAuthor }] });
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(base ?? {}).sort());
    for (const n of NEEDLES) expect(JSON.stringify(parsed)).not.toContain(n);
  });

  it('a site built from persons carrying canary-valued private fields contains no canary in any file', () => {
    const input = makeReleaseInput(150);
    const dirty = {
      ...input,
      persons: input.persons.map((p) => ({ ...p, ...CANARIES, claims: [{ author: CANARIES.sourceAuthor, witness: CANARIES.witnessNotes }] })),
      rejected: [{ surname: CANARIES.restrictedNote }],
      backlog: [{ surname: CANARIES.witnessNotes }],
      contributors: [CANARIES.contributorEmail],
    } as unknown as ReleaseInput;
    const previous = { date: '2025-03-14', persons: dirty.persons.slice(0, 100) };
    const key = testKeyPair();
    const dir = join(tmp, 'site');
    writeRelease(dir, { ...dirty, previous }, { privateKeyPem: key.privateKeyPem });
    const files = allFiles(dir);
    expect(files.length).toBeGreaterThan(15);
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8').toLowerCase();
      for (const n of NEEDLES) if (text.includes(n.toLowerCase())) hits.push(`${f}: ${n}`);
    }
    expect(hits).toEqual([]);
    expect(verifyRelease(dir, key.publicKeyPem).ok).toBe(true);
  });
});
