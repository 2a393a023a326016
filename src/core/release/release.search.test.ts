import { describe, expect, it } from 'vitest';
import { makePerson } from './fixtures/synthetic-persons.js';
import { matchesQuery, personSearchTokens, searchTokens } from './release.search.js';

describe('name search', () => {
  const p = makePerson({ surname: 'Ёлкин', givenName: 'Фёдор', patronymic: 'Саввич', nameLatin: 'Yolkin Fyodor Savvich' });
  const tokens = personSearchTokens(p);
  const finds = (q: string): boolean => matchesQuery(searchTokens(q), tokens);

  it('finds by surname or given name, Cyrillic or Latin, any case, ё = е', () => {
    expect(finds('ёлкин')).toBe(true);
    expect(finds('ЕЛКИН')).toBe(true);
    expect(finds('федор елк')).toBe(true);
    expect(finds('yolkin')).toBe(true);
    expect(finds('FYODOR')).toBe(true);
  });

  it('does not find other names or an empty query', () => {
    expect(finds('Жизаков')).toBe(false);
    expect(finds('елкин иван')).toBe(false);
    expect(finds('  ')).toBe(false);
  });
});
