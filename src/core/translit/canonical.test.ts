import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalName } from './canonical.js';
import type { NamePart } from './canonical.js';
import pairs from './fixtures/name-pairs.json' with { type: 'json' };
import { seededRandom, syntheticPatronymic, syntheticSurname } from './fixtures/synthetic-names.js';
import { givenAliases, patronymicAliases } from './name-aliases.js';
import { nameVariants } from './variants.js';

const PARTS: readonly NamePart[] = ['surname', 'given', 'patronymic'];

describe('canonicalName: one key per name whatever the spelling', () => {
  const total = pairs.surname.length + pairs.given.length + pairs.patronymic.length;

  it(`has at least 150 hand-written (Cyrillic, other spelling) pairs (has ${total})`, () => {
    expect(total).toBeGreaterThanOrEqual(150);
  });

  for (const part of PARTS) {
    it(`gives the Cyrillic key to every ${part} spelling in the table`, () => {
      const misses = pairs[part]
        .map(([cyr = '', other = '']) => [cyr, other, canonicalName(cyr, part), canonicalName(other, part)])
        .filter(([, , a, b]) => a !== b);
      expect(misses).toEqual([]);
    });
  }

  it('gives identical keys per part for the issue example in three systems', () => {
    const forms = [
      ['Щербаков', 'Евгений'],
      ['Shcherbakov', 'Yevgeny'],
      ['Sjtjerbakov', 'Jevgenij'],
      ['Schtscherbakow', 'Jewgeni'],
      ['Chtcherbakov', 'Ievgueni'],
      ['Ŝerbakov', 'Evgenij'],
    ] as const;
    for (const [surname, given] of forms) {
      expect(canonicalName(surname, 'surname')).toBe('shcherbakov');
      expect(canonicalName(given, 'given')).toBe('evgeni');
    }
  });

  it('folds ё to е and ignores case and surrounding punctuation', () => {
    expect(canonicalName('СЕМЁНОВ', 'surname')).toBe(canonicalName('семенов', 'surname'));
    expect(canonicalName('  Петров-Водкин ', 'surname')).toBe(canonicalName('PETROV VODKIN', 'surname'));
  });

  it('keeps different people apart', () => {
    const distinct: [string, string, NamePart][] = [
      ['Иванов', 'Иванова', 'surname'],
      ['Сергеев', 'Сергеевич', 'surname'],
      ['Захаров', 'Сахаров', 'surname'],
      ['Шаров', 'Жаров', 'surname'],
      ['Гаврилов', 'Хаврилов', 'surname'],
      ['Александр', 'Алексей', 'given'],
      ['Александр', 'Александра', 'given'],
      ['Евгений', 'Евгения', 'given'],
      ['Юрий', 'Юлий', 'given'],
      ['Станислав', 'Святослав', 'given'],
      ['Сергеевич', 'Сергеевна', 'patronymic'],
    ];
    for (const [a, b, part] of distinct)
      expect(canonicalName(a, part), `${a} vs ${b}`).not.toBe(canonicalName(b, part));
  });

  it('maps diminutives and Ukrainian forms of given names to the full Russian name', () => {
    const full: [string, string][] = [
      ['Саша', 'Александр'],
      ['Шура', 'Александр'],
      ['Дима', 'Дмитрий'],
      ['Женя', 'Евгений'],
      ['Серёжа', 'Сергей'],
      ['Ваня', 'Иван'],
      ['Слава', 'Вячеслав'],
      ['Стас', 'Станислав'],
      ['Тёма', 'Артём'],
      ['Гоша', 'Георгий'],
      ['Serhii', 'Сергей'],
      ['Oleksandr', 'Александр'],
      ['Dmytro', 'Дмитрий'],
      ['Mykola', 'Николай'],
      ['Volodymyr', 'Владимир'],
      ['Ihor', 'Игорь'],
      ['Шурик', 'Александр'],
      ['Тима', 'Тимофей'],
      ['Влад', 'Владислав'],
      ['Гліб', 'Глеб'],
      ['Hlib', 'Глеб'],
      ['В\'ячеслав', 'Вячеслав'],
    ];
    for (const [alias, name] of full)
      expect(canonicalName(alias, 'given'), alias).toBe(canonicalName(name, 'given'));
  });

  it('reads Ukrainian female patronymics -івна/-ївна as Russian -овна/-евна', () => {
    const pairs: [string, string][] = [
      ['Тарасівна', 'Тарасовна'],
      ['Tarasivna', 'Тарасовна'],
      ['Матвіївна', 'Матвеевна'],
      ['Matviivna', 'Матвеевна'],
      ['Mykolaivna', 'Николаевна'],
      ['Захарівна', 'Захаровна'],
    ];
    for (const [uk, ru] of pairs)
      expect(canonicalName(uk, 'patronymic'), uk).toBe(canonicalName(ru, 'patronymic'));
  });

  it('reads a Latin given name under another system when its letters do not tell the system and that gives a known name', () => {
    const same: readonly (readonly [string, string])[] = [
      ['Вячеслав', 'Vjatjeslav'], // Swedish tj = ч in mid-word
      ['Азат', 'Asat'], // German s = з
      ['Зуфар', 'Sufar'],
      ['Жаргал', 'Schargal'], // German sch = ж
      ['Аржаан', 'Arschaan'],
      ['Ильгиз', 'Ilgis'],
    ];
    for (const [cyrillic, latin] of same) expect(canonicalName(latin, 'given'), latin).toBe(canonicalName(cyrillic, 'given'));
    // A name that is known as spelt keeps its reading; surnames never take another reading.
    expect(canonicalName('Sasha', 'given')).toBe(canonicalName('Саша', 'given'));
    expect(canonicalName('Asatov', 'surname')).toBe('asatov');
  });

  it('does not apply given-name aliases to surnames (Коля is not Николай as a surname)', () => {
    expect(canonicalName('Коля', 'surname')).not.toBe(canonicalName('Николай', 'surname'));
  });

  it('knows at least 60 diminutives, Ukrainian and conventional forms, none pointing at two names', () => {
    expect(givenAliases().map.size).toBeGreaterThanOrEqual(60);
    expect(givenAliases().conflicts).toEqual([]);
    expect(patronymicAliases().conflicts).toEqual([]);
  });

  it('always returns lowercase ASCII letters and single spaces, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...PARTS), (text, part) => {
        expect(canonicalName(text, part)).toMatch(/^([a-z]+( [a-z]+)*)?$/);
      }),
    );
  });

  it('returns the same key on repeated calls (memoised) as on the first', () => {
    const first = canonicalName('Воробьёв', 'surname');
    for (let i = 0; i < 3; i++) expect(canonicalName('Воробьёв', 'surname')).toBe(first);
    expect(first).toBe(canonicalName('Vorobyov', 'surname'));
  });

  it('property: a key is its own key, so stored keys can be re-keyed safely', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = seededRandom(seed);
        for (const [name, part] of [
          [syntheticSurname(rand), 'surname'],
          [syntheticPatronymic(rand), 'patronymic'],
        ] as const) {
          for (const spelling of [name, ...nameVariants(name, part)]) {
            const key = canonicalName(spelling, part);
            expect(canonicalName(key, part), spelling).toBe(key);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads look-alike letters typed in the other script (Иванoв with a Latin o)', () => {
    expect(canonicalName('Иванoв', 'surname')).toBe('ivanov');
    expect(canonicalName('Ivаnov', 'surname')).toBe('ivanov');
    expect(canonicalName('Cергеев', 'surname')).toBe(canonicalName('Сергеев', 'surname'));
  });
});
