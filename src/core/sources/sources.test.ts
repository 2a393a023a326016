import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../record/record.schemas.js';
import { normaliseSex, normaliseSourceKind } from './index.js';

describe('normaliseSourceKind', () => {
  it.each([
    ['пост родственников', 'relative_post'],
    ['Пост жены ВКонтакте', 'relative_post'],
    ['соцсети', 'relative_post'],
    ['relative_post', 'relative_post'],
    ['relative post', 'relative_post'],
    ['местные СМИ', 'local_media'],
    ['local news', 'local_media'],
    ['районная газета', 'local_media'],
    ['иностранные СМИ', 'foreign_media'],
    ['foreign press', 'foreign_media'],
    ['фото могилы', 'grave_photo'],
    ['фото могилы от родственников', 'grave_photo'],
    ['grave photo', 'grave_photo'],
    ['некролог', 'obituary'],
    ['прощание в доме культуры', 'obituary'],
    ['obituary', 'obituary'],
    ['заявление губернатора', 'official_statement'],
    ['официальный список', 'official_statement'],
    ['military commissariat statement', 'official_statement'],
    ['приговор суда', 'court_record'],
    ['court record', 'court_record'],
    ['страховой документ', 'insurance_document'],
    ['реестр наследственных дел', 'leaked_registry'],
    ['утечка базы данных', 'leaked_registry'],
    ['родственники ищут', 'searching_for'],
    ['пропал без вести, ищут', 'searching_for'],
    ['заявление ВСУ', 'enemy_claim'],
    ['enemy claim', 'enemy_claim'],
    ['', 'other'],
    ['что-то ещё', 'other'],
  ])('%j → %s', (text, kind) => {
    expect(normaliseSourceKind(text)).toBe(kind);
  });

  it('always returns a known kind and is stable on its own output', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const kind = normaliseSourceKind(text);
        expect(SOURCE_KINDS).toContain(kind);
        expect(normaliseSourceKind(kind)).toBe(kind);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseSex', () => {
  it.each([
    ['м', 'male'],
    ['М.', 'male'],
    ['муж.', 'male'],
    ['мужской', 'male'],
    ['Male', 'male'],
    ['m', 'male'],
    ['пол: мужской', 'male'],
    ['ж', 'female'],
    ['Жен.', 'female'],
    ['женщина', 'female'],
    ['F', 'female'],
    ['female', 'female'],
    ['', null],
    ['?', null],
    ['м/ж', null],
    ['неизвестно', null],
  ])('%j → %s', (text, sex) => {
    expect(normaliseSex(text)).toBe(sex);
  });

  it('never throws and returns male, female or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect([null, 'male', 'female']).toContain(normaliseSex(text));
      }),
    );
  });
});
