import { describe, expect, it } from 'vitest';
import { shownValue } from './edit-values.js';

describe('the values of a field edit, as shown', () => {
  it('shows a plain field’s value, and an empty one as null', () => {
    expect(shownValue('surname', { surname: 'Образцов' })).toEqual({ text: 'Образцов', code: null });
    expect(shownValue('unit', { unit: null })).toEqual({ text: null, code: null });
    expect(shownValue('unit', { unit: '' })).toEqual({ text: null, code: null });
  });

  it('shows a date or an age as typed, not its normalised range', () => {
    expect(
      shownValue('death_date', {
        death_date_text: 'март 2024',
        death_precision: 'month',
        death_from: '2024-03-01',
        death_to: '2024-03-31',
      }),
    ).toEqual({ text: 'март 2024', code: null });
    expect(
      shownValue('birth_date', {
        birth_date_text: null,
        birth_precision: 'unknown',
        birth_from: null,
        birth_to: null,
      }),
    ).toEqual({ text: null, code: null });
    expect(shownValue('age', { age_text: '29 лет' })).toEqual({ text: '29 лет', code: null });
  });

  it('keeps a region’s or category’s code beside the typed text; a cleared one is empty', () => {
    expect(shownValue('region', { region_text: 'Свердловская обл.', region_code: 'RU-SVE' })).toEqual({
      text: 'Свердловская обл.',
      code: 'RU-SVE',
    });
    expect(shownValue('region', { region_text: null, region_code: 'UNKNOWN' })).toEqual({
      text: null,
      code: null,
    });
    expect(shownValue('category', { category_text: 'мобилизованный', category: 'mobilised' })).toEqual({
      text: 'мобилизованный',
      code: 'mobilised',
    });
    // imported without a typed text: the code alone
    expect(shownValue('region', { region_text: null, region_code: 'RU-BU' })).toEqual({
      text: null,
      code: 'RU-BU',
    });
    expect(shownValue('category', { category_text: null, category: 'unknown' })).toEqual({
      text: null,
      code: null,
    });
  });
});
