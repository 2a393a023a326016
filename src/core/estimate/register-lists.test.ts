import { describe, expect, it } from 'vitest';
import { registerToLists, type LinkedPerson } from './register-lists.js';

const mapping = {
  lists: {
    family: ['relative_post', 'obituary'],
    media: ['local_media'],
    official: ['official_statement'],
    graves: ['grave_photo'],
  },
  minObserved: 3,
  minOverlap: 1,
};

function person(kinds: string[], region?: string): LinkedPerson {
  return region === undefined ? { sourceKinds: kinds } : { sourceKinds: kinds, strata: { region } };
}

describe('register to lists', () => {
  it('puts each person on every list one of their source kinds feeds', () => {
    const r = registerToLists(
      [
        person(['relative_post', 'local_media']),
        person(['obituary']),
        person(['obituary', 'relative_post']),
        person(['grave_photo', 'official_statement']),
      ],
      mapping,
    );
    expect(r.overall.lists).toEqual(['family', 'media', 'official', 'graves']);
    expect(r.overall.cells[0b0011]).toBe(1);
    expect(r.overall.cells[0b0001]).toBe(2);
    expect(r.overall.cells[0b1100]).toBe(1);
  });

  it('counts people with no mapped source instead of dropping them silently', () => {
    const r = registerToLists([person(['court_record']), person(['local_media', 'obituary'])], mapping);
    expect(r.unlisted).toBe(1);
    expect(r.warnings[0]).toBe(
      '1 person(s) have no source of a kind mapped to a list and are not in the tables',
    );
  });

  it('builds one table per stratum, missing values as Unknown, and warns on sparse strata', () => {
    const people = [
      person(['local_media', 'obituary'], 'Buryatia'),
      person(['obituary'], 'Buryatia'),
      person(['official_statement', 'grave_photo'], 'Buryatia'),
      person(['local_media'], 'Tyva'),
      person(['grave_photo']),
    ];
    const r = registerToLists(people, mapping, ['region']);
    expect(r.strata.map((s) => [s.key, s.observed, s.overlap])).toEqual([
      ['region=Buryatia', 3, 2],
      ['region=Tyva', 1, 0],
      ['region=Unknown', 1, 0],
    ]);
    expect(r.strata[0]?.warnings).toEqual([]);
    expect(r.strata[1]?.warnings).toContain(
      'stratum region=Tyva: only 1 person(s) on the lists (fewer than 3); too sparse to estimate reliably',
    );
    expect(
      r.warnings.some((w) => w.startsWith('stratum region=Unknown: only 0 person(s) on two or more lists')),
    ).toBe(true);
  });

  it('refuses a kind mapped to two lists, or fewer than three lists', () => {
    expect(() => registerToLists([], { lists: { a: ['x'], b: ['x'], c: ['y'] } })).toThrow(
      'source kind "x" is mapped to both a and b',
    );
    expect(() => registerToLists([], { lists: { a: ['x'], b: ['y'] } })).toThrow('at least 3 lists');
  });
});
