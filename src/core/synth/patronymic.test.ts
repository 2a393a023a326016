import { describe, expect, it } from 'vitest';
import { feminineSurname } from './names-surnames.data.js';
import { patronymicOf } from './patronymic.js';
import { ukrainianName, ukrainianPatronymic } from './ukrainian.js';

describe('patronymicOf', () => {
  it.each([
    ['Иван', 'Иванович', 'Ивановна'],
    ['Александр', 'Александрович', 'Александровна'],
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Николай', 'Николаевич', 'Николаевна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
    ['Евгений', 'Евгеньевич', 'Евгеньевна'],
    ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
    ['Игорь', 'Игоревич', 'Игоревна'],
    ['Шамиль', 'Шамилевич', 'Шамилевна'],
    ['Павел', 'Павлович', 'Павловна'],
    ['Пётр', 'Петрович', 'Петровна'],
    ['Михаил', 'Михайлович', 'Михайловна'],
    ['Лев', 'Львович', 'Львовна'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Кузьма', 'Кузьмич', 'Кузьминична'],
    ['Фёдор', 'Фёдорович', 'Фёдоровна'],
    ['Гаджи', 'Гаджиевич', 'Гаджиевна'],
    ['Муса', 'Мусаевич', 'Мусаевна'],
    ['Дашинима', 'Дашинимаевич', 'Дашинимаевна'],
    ['Оюн-оол', 'Оюн-оолович', 'Оюн-ооловна'],
  ])('%s → %s / %s', (father, male, female) => {
    expect(patronymicOf(father, 'male')).toBe(male);
    expect(patronymicOf(father, 'female')).toBe(female);
  });
});

describe('feminineSurname', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Королёв', 'Королёва'],
    ['Ильин', 'Ильина'],
    ['Покровский', 'Покровская'],
    ['Полевой', 'Полевая'],
    ['Галиев', 'Галиева'],
    ['Монгуш', 'Монгуш'],
    ['Коваленко', 'Коваленко'],
    ['Мельник', 'Мельник'],
  ])('%s → %s', (male, female) => {
    expect(feminineSurname(male)).toBe(female);
  });
});

describe('Ukrainian forms', () => {
  it('writes given names in their Ukrainian form and other names letter by letter', () => {
    expect(ukrainianName('Сергей')).toBe('Сергій');
    expect(ukrainianName('Александр')).toBe('Олександр');
    expect(ukrainianName('Иванов')).toBe('Іванов');
    expect(ukrainianName('Фёдоров')).toBe('Фьодоров');
    expect(ukrainianName('Рыбаков')).toBe('Рибаков');
    expect(ukrainianName('Завьялов')).toBe("Зав'ялов");
    expect(ukrainianName('Васильев')).toBe('Васільєв');
  });

  it.each([
    ['Сергій', 'Сергійович', 'Сергіївна'],
    ['Олександр', 'Олександрович', 'Олександрівна'],
    ['Дмитро', 'Дмитрович', 'Дмитрівна'],
    ['Василь', 'Васильович', 'Василівна'],
    ['Микола', 'Миколайович', 'Миколаївна'],
  ])('Ukrainian patronymic of %s', (father, male, female) => {
    expect(ukrainianPatronymic(father, 'male')).toBe(male);
    expect(ukrainianPatronymic(father, 'female')).toBe(female);
  });
});
