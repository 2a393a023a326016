import { describe, expect, it } from 'vitest';
import { makePerson } from './fixtures/synthetic-persons.js';
import { diffReleases, DEFAULT_REASONS } from './release.diff.js';

describe('diffReleases', () => {
  const a = makePerson({ id: 'a' });
  const b = makePerson({ id: 'b', surname: 'Жизаков' });
  const c = makePerson({ id: 'c' });
  const previous = { date: '2025-01-01', persons: [a, b] };

  it('lists added, removed and changed persons with the changed fields and a reason each', () => {
    const b2 = { ...b, unit: '123 полк', region: 'RU-MOS' };
    const d = diffReleases('2025-01-15', [c, b2], previous, { c: 'confirmed by relative post (rule v1)' });
    expect(d.from).toBe('2025-01-01');
    expect(d.added).toEqual([{ id: 'c', name: 'Бавегов Ивар', reason: 'confirmed by relative post (rule v1)' }]);
    expect(d.removed).toEqual([{ id: 'a', name: 'Бавегов Ивар', reason: DEFAULT_REASONS.removed }]);
    expect(d.changed).toEqual([
      {
        id: 'b',
        name: 'Жизаков Ивар',
        reason: DEFAULT_REASONS.changed,
        fields: [
          { field: 'region', before: 'RU-BA', after: 'RU-MOS' },
          { field: 'unit', before: null, after: '123 полк' },
        ],
      },
    ]);
  });

  it('reports nothing when the register did not change', () => {
    const d = diffReleases('2025-01-15', [b, a], previous);
    expect(d.added.length + d.removed.length + d.changed.length).toBe(0);
  });

  it('treats every person as added in the first release, sorted by id', () => {
    const d = diffReleases('2025-01-15', [c, a], null);
    expect(d.from).toBeNull();
    expect(d.added.map((x) => x.id)).toEqual(['a', 'c']);
  });
});
