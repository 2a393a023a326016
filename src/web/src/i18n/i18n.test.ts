import { describe, expect, it } from 'vitest';
import { format, initialLang, LANGS, pluralRu, translator, type Dictionary } from './i18n.js';

// Every dictionary module in this folder (a new page area's i18n/<area>.ts is picked up without listing it).
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

const isDictionary = (v: unknown): v is Dictionary<string> =>
  typeof v === 'object' &&
  v !== null &&
  'en' in v &&
  'ru' in v &&
  typeof (v as { en: unknown }).en === 'object' &&
  typeof (v as { ru: unknown }).ru === 'object';

const dictionaries = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => isDictionary(v))
    .map(([name, v]) => ({ where: `${file} ${name}`, dict: v as Dictionary<string> })),
);

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the interface texts', () => {
  it('finds the dictionaries of every page area', () => {
    expect(dictionaries.length).toBeGreaterThanOrEqual(4);
  });

  for (const { where, dict } of dictionaries) {
    it(`${where}: Russian and English have the same keys, no empty text, the same {placeholders}`, () => {
      expect(Object.keys(dict.ru).sort()).toEqual(Object.keys(dict.en).sort());
      for (const key of Object.keys(dict.en)) {
        const en = dict.en[key] ?? '';
        const ru = dict.ru[key] ?? '';
        expect(en.trim(), `${key} (en)`).not.toBe('');
        expect(ru.trim(), `${key} (ru)`).not.toBe('');
        expect(placeholders(ru), `${key}: placeholders`).toEqual(placeholders(en));
      }
    });
  }

  it('fills placeholders and keeps an unfilled one visible', () => {
    expect(format('Hello, {name} ({n})', { name: 'Ada', n: 3 })).toBe('Hello, Ada (3)');
    expect(format('Wait {seconds} s', {})).toBe('Wait {seconds} s');
    const d = { en: { hi: 'Hi {who}' }, ru: { hi: 'Привет, {who}' } };
    expect(translator(d, 'ru')('hi', { who: 'Вера' })).toBe('Привет, Вера');
  });

  it('takes the stored language first, then the browser, then English', () => {
    expect(initialLang('en', ['ru-RU'])).toBe('en');
    expect(initialLang(null, ['ru-RU', 'en'])).toBe('ru');
    expect(initialLang(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLang('xx', ['fr'])).toBe('en');
    expect(LANGS).toEqual(['ru', 'en']);
  });

  it('chooses Russian plural forms', () => {
    const f = (n: number): string => pluralRu(n, 'запись', 'записи', 'записей');
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 101].map(f)).toEqual([
      'запись',
      'записи',
      'записей',
      'записей',
      'записей',
      'запись',
      'записи',
      'записей',
      'записей',
      'запись',
    ]);
  });
});
