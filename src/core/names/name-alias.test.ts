import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRecord } from '../record/record-to-person.js';
import { nameAlias } from './name-alias.js';

describe('nameAlias', () => {
  it('keys a name exactly as an imported record’s person name key, so the same prefix search finds both', () => {
    const word = fc.constantFrom('', ' ', 'Щербаков', 'Евгений', 'Yevgeny', 'Shcherbakov', 'Ёлкин', 'Петрович', 'ИВАНОВ', 'o’Neil', 'Анна-Мария', 'Müller');
    const part = fc.option(fc.oneof(word, fc.string({ maxLength: 12 })), { nil: null });
    const full = fc.option(fc.oneof(fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')), fc.string({ maxLength: 30 })), { nil: null });
    fc.assert(
      fc.property(part, part, part, full, (surname, given_name, patronymic, full_name) => {
        const record = Object.fromEntries(Object.entries({ surname, given_name, patronymic, full_name }).filter(([, v]) => v !== null)) as Record<string, string>;
        const expected = deriveRecord(record).person.nameKey;
        expect(nameAlias({ surname, given_name, patronymic, full_name })?.key ?? '').toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the name as given, surname first when split, and has nothing for no name', () => {
    expect(nameAlias({ surname: null, given_name: null, patronymic: null, full_name: ' Yevgeny Shcherbakov ' })).toEqual({ alias: 'Yevgeny Shcherbakov', key: 'shcherbakov yevgeny' });
    expect(nameAlias({ surname: 'Щербаков', given_name: 'Евгений', patronymic: null, full_name: 'other text' })).toEqual({ alias: 'Щербаков Евгений', key: 'щербаков евгений' });
    expect(nameAlias({ surname: ' ', given_name: null, patronymic: null, full_name: null })).toBeNull();
  });
});
