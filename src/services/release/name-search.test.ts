import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticPersons } from '../../core/release/fixtures/synthetic-persons.js';
import { matchesQuery, personSearchTokens, searchTokens } from '../../core/release/release.search.js';
import { NameSearch } from './name-search.js';
import { nameRef } from './site/person-card.js';

describe('NameSearch', () => {
  const persons = syntheticPersons(400, 5);
  const search = new NameSearch(persons.map((p, i) => nameRef(p, Math.floor(i / 100) + 1)));

  it('returns exactly the names a full scan finds, in list order', () => {
    const words = persons.flatMap((p) => personSearchTokens(p));
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.integer({ min: 1, max: 6 }), fc.constantFrom(...words, ''), (w, len, extra) => {
        const query = `${w.slice(0, len)} ${extra.slice(0, 3)}`;
        const expected = persons.filter((p) => matchesQuery(searchTokens(query), personSearchTokens(p))).map((p) => p.id);
        const got = search.search(query, 1000);
        expect(got.hits.map((h) => h.id)).toEqual(expected);
        expect(got.total).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it('caps the hits but counts them all', () => {
    const r = search.search('ivar', 5);
    expect(r.hits.length).toBe(5);
    expect(r.total).toBeGreaterThan(5);
  });
});
