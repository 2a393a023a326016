import { describe, expect, it } from 'vitest';
import { canonicalQueryKey, canonicalSearchKey } from './search-key.js';

// The field's own examples (DESIGN.md): one man under three spellings; synthetic otherwise.
describe('canonical search keys', () => {
  const stored = canonicalSearchKey({ surname: 'Щербаков', givenName: 'Евгений', patronymic: 'Петрович' });

  it.each(['Yevgeny Shcherbakov', 'Jevgenij Sjtjerbakov', 'Щербаков Евгений', 'Shcherbakov, Yevgeny', 'Shcherbakov', 'щербаков евг'])('"%s" reads as a prefix of the stored key', (query) => {
    const key = canonicalQueryKey(query);
    expect(key).not.toBeNull();
    expect(stored.startsWith(key ?? '?')).toBe(true);
  });

  it('keeps a woman and a man of one family apart', () => {
    const woman = canonicalSearchKey({ surname: 'Щербакова', givenName: 'Евгения', patronymic: null });
    expect(woman.startsWith(canonicalQueryKey('Yevgeny Shcherbakov') ?? '?')).toBe(false);
  });

  it('leaves out trailing missing parts and has nothing for a query without letters', () => {
    expect(canonicalSearchKey({ surname: 'Иванов', givenName: null, patronymic: null })).toBe(canonicalQueryKey('Ivanov'));
    expect(canonicalQueryKey('  ,. ')).toBeNull();
  });
});
