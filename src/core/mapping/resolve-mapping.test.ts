import { describe, expect, it } from 'vitest';
import { MappingError } from './mapping-error.js';
import { parseMapFlags, parseMappingJson } from './mapping-input.js';
import { buildRecord, resolveMapping } from './resolve-mapping.js';

function columnsOf(headers: string[], mapping?: Parameters<typeof resolveMapping>[1]): (string | null)[] {
  return resolveMapping(headers, mapping).targets.map((t) => (t.kind === 'column' ? t.column : t.kind === 'extra' ? `extra:${t.key}` : null));
}

describe('automatic mapping', () => {
  it('recognises common Russian headers', () => {
    const headers = ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Дата смерти', 'Регион', 'Звание', 'Часть', 'Категория', 'Возраст', 'Ссылка'];
    expect(columnsOf(headers)).toEqual(['surname', 'given_name', 'patronymic', 'birth_date', 'death_date', 'region', 'rank', 'unit', 'category', 'age', 'source_url']);
  });

  it('recognises English headers whatever their case and punctuation', () => {
    expect(columnsOf(['Last Name', 'first_name', 'DOB', 'Date of death', 'Source URL'])).toEqual(['surname', 'given_name', 'birth_date', 'death_date', 'source_url']);
    expect(columnsOf(['Ф.И.О.', 'Д.Р.', 'Примечание'])).toEqual(['full_name', 'birth_date', 'extra:Примечание']);
  });

  it('reads our own column names back', () => {
    expect(columnsOf(['record_id', 'full_name', 'birth_date'])).toEqual(['record_id', 'full_name', 'birth_date']);
  });

  it('lets a strong header win over a weak one and keeps the weak one as extra', () => {
    expect(columnsOf(['ФИО', 'Источник', 'Ссылка'])).toEqual(['full_name', 'extra:Источник', 'source_url']);
    expect(columnsOf(['ФИО', 'Источник'])).toEqual(['full_name', 'source_url']);
  });

  it('keeps unknown headers as extra, even a hostile one', () => {
    const mapping = resolveMapping(['ФИО', '__proto__', 'Заметка', 'Заметка', '']);
    const record = buildRecord(mapping, ['Иванов Иван', 'polluted', 'a', 'b', 'c']);
    expect(Object.entries(record.extra ?? {})).toEqual([
      ['__proto__', 'polluted'],
      ['Заметка', 'a'],
      ['Заметка (column 4)', 'b'],
      ['column_5', 'c'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses two headers that look like the same column', () => {
    expect(() => resolveMapping(['Фамилия', 'Surname'])).toThrow(/"Фамилия" and "Surname" both look like surname/);
  });

  it('refuses a file with no name column', () => {
    expect(() => resolveMapping(['Регион', 'Возраст'])).toThrow(MappingError);
    expect(() => resolveMapping(['Регион', 'Возраст'])).toThrow(/no column holds a name.*"Регион", "Возраст"/);
  });
});

describe('explicit mapping', () => {
  it('maps flags, ignores null targets and guesses the rest', () => {
    const mapping = parseMapFlags(['Боец=full_name', 'Примечание='], ['list=mediazona']);
    expect(columnsOf(['Боец', 'Примечание', 'Регион'], mapping)).toEqual(['full_name', null, 'region']);
    const record = buildRecord(resolveMapping(['Боец', 'Примечание', 'Регион'], mapping), ['Петров П. П.', 'x', '']);
    expect(record).toEqual({ full_name: 'Петров П. П.', list: 'mediazona' });
  });

  it('lets an explicit entry take a column from a guessed header', () => {
    expect(columnsOf(['ФИО', 'Name (Latin)'], parseMapFlags(['Name (Latin)=full_name']))).toEqual(['extra:ФИО', 'full_name']);
  });

  it('names a mapped header the file lacks', () => {
    const mapping = parseMappingJson('{"columns": {"Фамилия": "surname", "Позывной": null}}');
    expect(() => resolveMapping(['Фамилия', 'Имя'], mapping)).toThrow(/header "Позывной", which the file does not have/);
  });

  it('refuses two headers mapped to one column', () => {
    const mapping = parseMapFlags(['A=surname', 'B=surname']);
    expect(() => resolveMapping(['A', 'B'], mapping)).toThrow(/"A" and "B" are both mapped to surname/);
  });

  it('explains bad flags and bad mapping files', () => {
    expect(() => parseMapFlags(['Фамилия'])).toThrow(/should look like "Header=column"/);
    expect(() => parseMapFlags(['Фамилия=lastname'])).toThrow(/"lastname" is not a record column/);
    expect(() => parseMappingJson('{"columns": {"A": "nope"}}')).toThrow(/columns\.A/);
    expect(() => parseMappingJson('{"columns": {}, "extra": 1}')).toThrow(/Unrecognized key/);
    expect(() => parseMappingJson('{')).toThrow(/not valid JSON/);
    expect(() => parseMappingJson('{"columns": {"__proto__": "surname"}}')).toThrow(/__proto__/);
  });

  it('accepts a header containing "=" in a flag', () => {
    expect(parseMapFlags(['a=b=surname']).columns).toEqual({ 'a=b': 'surname' });
  });
});
