import { describe, expect, it } from 'vitest';
import { makePerson } from './fixtures/synthetic-persons.js';
import { publicPersonSchema } from './release.schemas.js';

describe('publicPersonSchema (allowlist)', () => {
  it('strips every key that is not a public field', () => {
    const withPrivate = { ...makePerson(), sourceAuthor: 'CANARY', contributorId: 'CANARY', witnessNotes: 'CANARY', restrictedNote: 'CANARY' };
    const parsed = publicPersonSchema.parse(withPrivate);
    expect(JSON.stringify(parsed)).not.toContain('CANARY');
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(makePerson()).sort());
  });

  it('rejects non-http source links and ids unsafe in URLs', () => {
    expect(() => publicPersonSchema.parse(makePerson({ sources: ['javascript:alert(1)'] }))).toThrow(/http/);
    expect(() => publicPersonSchema.parse(makePerson({ id: '../x' }))).toThrow();
  });
});
