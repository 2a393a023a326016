import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticPersons } from '../../core/release/fixtures/synthetic-persons.js';
import { canonicalTokens, matchesQuery, personSearchTokens, searchTokens } from '../../core/release/release.search.js';
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
        const typed = persons.filter((p) => matchesQuery(searchTokens(query), personSearchTokens(p)));
        // Nobody as typed: the same scan over spelling-independent tokens.
        const canon = (p: (typeof persons)[number]): string[] => canonicalTokens(`${p.surname} ${p.givenName ?? ''} ${p.patronymic ?? ''} ${p.nameLatin}`);
        const expected = (typed.length > 0 ? typed : persons.filter((p) => matchesQuery(canonicalTokens(query), canon(p)))).map((p) => p.id);
        const got = search.search(query, 1000);
        expect(got.hits.map((h) => h.id)).toEqual(expected);
        expect(got.total).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a name typed in another script or transliteration when the words as typed find nobody', () => {
    // The field's example (DESIGN.md): one man under three spellings.
    const names = [
      { id: 'a', name: 'Щербаков Евгений Петрович', latin: 'Shcherbakov Evgeniy Petrovich', page: 1 },
      { id: 'b', name: 'Щербакова Анна', latin: 'Shcherbakova Anna', page: 1 },
      { id: 'c', name: 'Синтетов Олег', latin: 'Sintetov Oleg', page: 1 },
    ];
    const s = new NameSearch(names);
    const ids = (q: string): string[] => s.search(q).hits.map((h) => h.id);
    expect(ids('Jevgenij Sjtjerbakov')).toEqual(['a']);
    expect(ids('Schtscherbakow')).toEqual(['a', 'b']);
    expect(ids('Щербаков Евг')).toEqual(['a']);
    expect(ids('Shcherbakov')).toEqual(['a', 'b']); // as typed: the fallback is not needed
    expect(ids('Ščerbakov')).toEqual(['a', 'b']);
    expect(ids('Zzyzx')).toEqual([]);
  });

  it('caps the hits but counts them all', () => {
    const r = search.search('ivar', 5);
    expect(r.hits.length).toBe(5);
    expect(r.total).toBeGreaterThan(5);
  });
});
