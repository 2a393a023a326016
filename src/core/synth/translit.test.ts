import { describe, expect, it } from 'vitest';
import { transliterate, transliterateUkrainian, type TranslitSystem } from './translit.js';

describe('transliterate', () => {
  const cases: [string, TranslitSystem, string][] = [
    ['Сергей Иванов', 'bgn', 'Sergey Ivanov'],
    ['Юрий Фёдоров', 'bgn', 'Yuriy Fyodorov'],
    ['Евгений Жуков', 'english', 'Yevgeny Zhukov'],
    ['Дмитрий Щербаков', 'english', 'Dmitry Shcherbakov'],
    ['Сергей Иванов', 'icao', 'Sergei Ivanov'],
    ['Юрий Наталья', 'icao', 'Iurii Natalia'],
    ['Алексей Соловьёв', 'icao', 'Aleksei Solovev'],
    ['Сергей Жуков', 'german', 'Sergei Schukow'],
    ['Александр Чернышёв', 'german', 'Alexander Tschernyschow'],
    ['Евгений Васильев', 'german', 'Jewgeni Wassiljew'],
    ['Сергей Жуков', 'french', 'Sergueï Joukov'],
    ['Юрий Чернов', 'french', 'Iouri Tchernov'],
    ['Николай Шишкин', 'french', 'Nikolaï Chichkine'],
    ['Александр Ильин', 'french', 'Alexandre Iline'],
    ['Сергей Жуков', 'swedish', 'Sergej Zjukov'],
    ['Дмитрий Чернов', 'swedish', 'Dmitrij Tjernov'],
    ['ИВАНОВ', 'bgn', 'IVANOV'],
    ['Кара-Сал', 'german', 'Kara-Sal'],
  ];
  it.each(cases)('%s (%s) → %s', (text, system, latin) => {
    expect(transliterate(text, system)).toBe(latin);
  });

  it('leaves no Cyrillic letter behind in any system', () => {
    const all = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    for (const system of ['bgn', 'english', 'icao', 'german', 'french', 'swedish'] as const) {
      expect(transliterate(`${all} ${all.toUpperCase()}`, system)).not.toMatch(/\p{Script=Cyrillic}/u);
    }
  });
});

describe('transliterateUkrainian', () => {
  it.each([
    ['Сергій', 'Serhii'],
    ['Олександр Іванов', 'Oleksandr Ivanov'],
    ['Юрій', 'Yurii'],
    ['Євген', 'Yevhen'],
    ["В'ячеслав", 'Viacheslav'],
    ['Згурський', 'Zghurskyi'],
  ])('%s → %s', (text, latin) => {
    expect(transliterateUkrainian(text)).toBe(latin);
  });
});
