import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../record/record.schemas.js';
import { normaliseCategory } from './category.js';

const EXAMPLES: readonly [string, string][] = [
  ['мобилизованный', 'mobilised'],
  ['Мобилизован', 'mobilised'],
  ['мобилизован в сентябре 2022', 'mobilised'],
  ['mobilized', 'mobilised'],
  ['Mobilised reservist', 'mobilised'],
  ['Шторм Z', 'prisoner'],
  ['штурмовик Шторм-Z', 'prisoner'],
  ['«Шторм-Z»', 'prisoner'],
  ['заключённый', 'prisoner'],
  ['бывший заключенный', 'prisoner'],
  ['завербован в ИК-5', 'prisoner'],
  ['заключённый, завербован ЧВК Вагнер', 'prisoner'],
  ['convict', 'prisoner'],
  ['ЧВК Вагнер', 'pmc_wagner'],
  ['ЧВК «Вагнер»', 'pmc_wagner'],
  ['вагнеровец', 'pmc_wagner'],
  ['Wagner PMC', 'pmc_wagner'],
  ['Redut', 'pmc_other'],
  ['ЧВК «Редут»', 'pmc_other'],
  ['ЧВК', 'pmc_other'],
  ['контрактник', 'career'],
  ['военнослужащий по контракту', 'career'],
  ['contract soldier', 'career'],
  ['кадровый военный', 'career'],
  ['кадровый офицер', 'career'],
  ['доброволец', 'volunteer'],
  ['добровольческий батальон', 'volunteer'],
  ['Volunteer', 'volunteer'],
  ['БАРС', 'volunteer'],
  ['срочник', 'conscript'],
  ['срочная служба', 'conscript'],
  ['conscript', 'conscript'],
  ['Росгвардия', 'rosgvardia'],
  ['сотрудник Росгвардии', 'rosgvardia'],
  ['ОМОН', 'rosgvardia'],
  ['ФСБ', 'other_agency'],
  ['сотрудник полиции', 'other_agency'],
  ['пограничник', 'other_agency'],
  ['pmc_wagner', 'pmc_wagner'],
  ['other_agency', 'other_agency'],
  ['', 'unknown'],
  ['неизвестно', 'unknown'],
  ['водитель', 'unknown'],
];

describe('normaliseCategory', () => {
  it.each(EXAMPLES)('%j → %s', (text, category) => {
    expect(normaliseCategory(text)).toBe(category);
  });

  it('always returns a canonical category and is stable on its own output', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...EXAMPLES.map((e) => e[0]))),
        (text) => {
          const category = normaliseCategory(text);
          expect(CATEGORIES).toContain(category);
          expect(normaliseCategory(category)).toBe(category);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('classifies a 100 KB text by its beginning without choking', () => {
    expect(normaliseCategory(`мобилизованный ${'а'.repeat(100_000)}`)).toBe('mobilised');
    expect(normaliseCategory('(a'.repeat(50_000))).toBe('unknown');
  });
});
