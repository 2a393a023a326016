import { describe, expect, it } from 'vitest';
import { categoryKey, placeKey, rankKey, unitKey } from './service-keys.js';

describe('service keys', () => {
  it('gives a rank one key in Russian, in English and abbreviated', () => {
    expect(rankKey('старший сержант')).toBe('senior sergeant');
    expect(rankKey('Senior Sergeant')).toBe(rankKey('ст. сержант'));
    expect(rankKey('гв. мл. сержант')).toBe('junior sergeant');
    expect(rankKey('lance corporal')).toBe(rankKey('ефрейтор'));
    expect(rankKey('командир отделения')).toBe('');
  });

  it('folds the ways of writing a military unit', () => {
    expect(unitKey('войсковая часть 12345')).toBe('вч 12345');
    expect(unitKey('В/Ч 12345')).toBe(unitKey('в/ч 12345'));
    expect(unitKey('ЧВК «Вагнер»')).toBe(unitKey('чвк вагнер'));
    expect(unitKey('в/ч 12345')).not.toBe(unitKey('в/ч 12346'));
  });

  it('keeps a named place of death and drops the vague ones', () => {
    expect(placeKey('Часов Яр')).toBe('часов яр');
    expect(placeKey('около Работино')).toBe(placeKey('Работино'));
    for (const vague of ['в зоне СВО', 'на Украине', 'в ходе СВО', 'на передовой', 'in Ukraine', '']) expect(placeKey(vague)).toBe('');
  });

  it('reads the recruitment category from free words, and nothing from words it does not know', () => {
    expect(categoryKey('ушёл добровольцем')).toBe(categoryKey('volunteered'));
    expect(categoryKey('Шторм-Z')).toBe('prisoner');
    expect(categoryKey('')).toBe('');
    expect(categoryKey('погиб')).toBe('');
  });
});
