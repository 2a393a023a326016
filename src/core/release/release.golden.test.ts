import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { makePerson, syntheticPersons } from './fixtures/synthetic-persons.js';
import { diffReleases } from './release.diff.js';
import { computeTables } from './release.tables.js';

// Golden output: a change to the tables or the diff shows up here as a reviewable file diff.
// To accept an intended change: RECKON_UPDATE_GOLDEN=1 npx vitest run src/core/release (then review the diff).
const GOLDEN = new URL('./fixtures/golden-release.json', import.meta.url);

describe('release tables and diff (golden)', () => {
  it('match the recorded output for a fixed synthetic register', async () => {
    const persons = syntheticPersons(40, 99);
    const previous = { date: '2025-03-14', persons: [...persons.slice(0, 30), makePerson({ id: 'gone-1' })] };
    const now = persons.slice(5).map((p, i) => (i === 0 ? { ...p, unit: '1-й батальон', rankClass: 'nco' as const } : p));
    const actual = canonicalJson({ tables: computeTables('2025-03-28', now), diff: diffReleases('2025-03-28', now, previous, { [now[1]?.id ?? '']: 'confirmed by grave photo' }) }, 2) + '\n';
    if (process.env.RECKON_UPDATE_GOLDEN === '1') {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(GOLDEN, actual);
    }
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
