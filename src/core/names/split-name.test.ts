import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, splitFullName } from './split-name.js';

type Row = [string, string | null, string | null, string | null, 'cyrillic' | 'latin' | 'mixed'];

const EXAMPLES: readonly Row[] = [
  ['Иванов Иван Иванович', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Иван Иванович Иванов', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Петрова Анна Сергеевна', 'Петрова', 'Анна', 'Сергеевна', 'cyrillic'],
  ['ИВАНОВ Иван Иванович', 'ИВАНОВ', 'Иван', 'Иванович', 'cyrillic'],
  ['Иван Иванович ИВАНОВ', 'ИВАНОВ', 'Иван', 'Иванович', 'cyrillic'],
  ['Иванов, Иван Иванович', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Иванов И.И.', 'Иванов', 'И.', 'И.', 'cyrillic'],
  ['И. И. Иванов', 'Иванов', 'И.', 'И.', 'cyrillic'],
  ['Сергей Петров', 'Петров', 'Сергей', null, 'cyrillic'],
  ['Петров Сергей', 'Петров', 'Сергей', null, 'cyrillic'],
  ['Екатерина Смирнова', 'Смирнова', 'Екатерина', null, 'cyrillic'],
  ['Иван Петрович Бабич', 'Бабич', 'Иван', 'Петрович', 'cyrillic'],
  ['Бабич Иван Петрович', 'Бабич', 'Иван', 'Петрович', 'cyrillic'],
  ['Кузьмин Илья Ильич', 'Кузьмин', 'Илья', 'Ильич', 'cyrillic'],
  ['Роман Абрамович', 'Абрамович', 'Роман', null, 'cyrillic'],
  ['Мамедов Эльчин Мамед оглы', 'Мамедов', 'Эльчин', 'Мамед оглы', 'cyrillic'],
  ['Галиев Айдар Ринатович', 'Галиев', 'Айдар', 'Ринатович', 'cyrillic'],
  ['Айдар Галиев', 'Галиев', 'Айдар', null, 'cyrillic'],
  ['Баир Цыренов', 'Цыренов', 'Баир', null, 'cyrillic'],
  ['Ооржак Айдыс', 'Ооржак', 'Айдыс', null, 'cyrillic'],
  ['Артыш Оюн', 'Оюн', 'Артыш', null, 'cyrillic'],
  ['Ким Сергей', 'Ким', 'Сергей', null, 'cyrillic'],
  ['Шурик', null, 'Шурик', null, 'cyrillic'],
  ['Саня Петров', 'Петров', 'Саня', null, 'cyrillic'],
  ['Магомедов Магомед Гаджиевич', 'Магомедов', 'Магомед', 'Гаджиевич', 'cyrillic'],
  ['Шостакович Дмитрий Дмитриевич', 'Шостакович', 'Дмитрий', 'Дмитриевич', 'cyrillic'],
  ['Ivan Ivanov', 'Ivanov', 'Ivan', null, 'latin'],
  ['Ivanov, Ivan', 'Ivanov', 'Ivan', null, 'latin'],
  ['Petrov Dmitriy', 'Petrov', 'Dmitriy', null, 'latin'],
  ['Dmitrii Petrov', 'Petrov', 'Dmitrii', null, 'latin'],
  ['Aliyev Elchin Mamed oglu', 'Aliyev', 'Elchin', 'Mamed oglu', 'latin'],
  ['Иванов Ivan', 'Иванов', 'Ivan', null, 'mixed'],
  ['Иванов', 'Иванов', null, null, 'cyrillic'],
  ['Анна Ивановна', null, 'Анна', 'Ивановна', 'cyrillic'],
  ['Иванов Иван Иванович (1990 г.р.)', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Иванов Иван Иванович, 1990 г.р.', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Иванов, Иван Иванович, 1990 г.р.', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Иванов; Иван; Иванович', 'Иванов', 'Иван', 'Иванович', 'cyrillic'],
  ['Ivanov Ivan Ivanovich', 'Ivanov', 'Ivan', 'Ivanovich', 'latin'],
  ['IVANOV Ivan', 'IVANOV', 'Ivan', null, 'latin'],
  ['Aidar Galiev', 'Galiev', 'Aidar', null, 'latin'],
  ['Bair Tsyrenov', 'Tsyrenov', 'Bair', null, 'latin'],
  ['Smirnov Sergey', 'Smirnov', 'Sergey', null, 'latin'],
  ['Kuznetsov Alexander', 'Kuznetsov', 'Alexander', null, 'latin'],
  ['Ivanova Anna Sergeevna', 'Ivanova', 'Anna', 'Sergeevna', 'latin'],
  ['', null, null, null, 'cyrillic'],
];

describe('splitFullName', () => {
  it.each(EXAMPLES)('%s → %s / %s / %s', (text, surname, given, patronymic, script) => {
    expect(splitFullName(text)).toEqual({ asGiven: text, surname, given, patronymic, script });
  });

  it('keeps the text as given, never throws, and returns parts taken from the text', () => {
    const nameish = fc.stringMatching(/^[А-Яа-яЁёA-Za-z.,\- ]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nameish), (text) => {
        const split = splitFullName(text);
        expect(split.asGiven).toBe(text);
        for (const part of [split.surname, split.given, split.patronymic]) {
          if (part === null) continue;
          expect(part).not.toBe('');
          for (const word of part.split(' ')) expect(text).toContain(word.replace(/\.$/, ''));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same parts whichever order a Russian name is written in', () => {
    const surnames = ['Смирнов', 'Кузнецов', 'Галиев', 'Цыренов', 'Ооржак', 'Магомедов', 'Шевчук'];
    const givens = ['Сергей', 'Айдар', 'Баир', 'Айдыс', 'Магомед', 'Дмитрий'];
    const patronymics = ['Петрович', 'Ринатович', 'Гаджиевич', 'Сергеевич'];
    fc.assert(
      fc.property(
        fc.constantFrom(...surnames),
        fc.constantFrom(...givens),
        fc.constantFrom(...patronymics),
        (s, g, p) => {
          const expected = { surname: s, given: g, patronymic: p };
          expect(splitFullName(`${s} ${g} ${p}`)).toMatchObject(expected);
          expect(splitFullName(`${g} ${p} ${s}`)).toMatchObject(expected);
          expect(splitFullName(`${s}, ${g} ${p}`)).toMatchObject(expected);
          expect(splitFullName(`${g} ${p} ${s.toUpperCase()}`)).toMatchObject({
            ...expected,
            surname: s.toUpperCase(),
          });
        },
      ),
    );
  });

  it('does not split a 100 KB text', () => {
    const hostile = 'Иванов '.repeat(15_000);
    expect(splitFullName(hostile)).toMatchObject({
      asGiven: hostile,
      surname: null,
      given: null,
      patronymic: null,
    });
  });
});

describe('nameKey', () => {
  it.each([
    ['  Алёна-Мария  ПЕТРОВА ', 'алена мария петрова'],
    ['Ёлкин Андрей', 'елкин андрей'],
    ['Йошкар-Ола', 'йошкар ола'],
    ['Ива́нов', 'иванов'],
    ['Ivanov,  Ivan', 'ivanov ivan'],
    ['Иванов И.И.', 'иванов и и'],
  ])('%j → %j', (text, key) => {
    expect(nameKey(text)).toBe(key);
  });

  it('keeps й distinct from и, even when й arrives decomposed', () => {
    expect(nameKey('Андрей')).toBe('андрей');
    expect(nameKey('Андреи\u0306')).toBe('андрей');
    expect(nameKey('Андреи')).not.toBe(nameKey('Андрей'));
  });

  it('gives the same key for plain text whether or not it needs Unicode normalisation', () => {
    const plain = fc.stringMatching(/^[ -~А-Яа-яЁё]{0,30}$/);
    fc.assert(
      fc.property(plain, (text) => {
        // a trailing combining accent sends the text down the normalising path; it is then stripped
        expect(nameKey(`${text}\u0301`)).toBe(nameKey(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent and has no leading, trailing or doubled spaces', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const key = nameKey(text);
        expect(nameKey(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/ {2}/);
        expect(key).not.toMatch(/ё/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('splitFullName on a relative\'s post', () => {
  it('reads a lone given name or diminutive as a given name, not a surname', () => {
    for (const word of ['Шурик', 'Влад', 'Тёма', 'Саид', 'Айбулат'])
      expect(splitFullName(word), word).toMatchObject({ surname: null, given: word });
  });

  it('still reads a lone word with a surname ending, or in capitals, as a surname', () => {
    for (const word of ['Иванов', 'Петренко', 'Ким', 'СИДОРОВ'])
      expect(splitFullName(word), word).toMatchObject({ surname: word, given: null });
  });

  it('knows Ukrainian forms of given names when deciding the order', () => {
    expect(splitFullName('Юрій Молчанов')).toMatchObject({ surname: 'Молчанов', given: 'Юрій' });
    expect(splitFullName("В'ячеслав Афанасьєв")).toMatchObject({ surname: 'Афанасьєв', given: "В'ячеслав" });
  });
});
