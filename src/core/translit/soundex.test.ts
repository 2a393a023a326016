import { describe, expect, it } from 'vitest';
import { canonicalName } from './canonical.js';
import { dmSoundex } from './soundex.js';

describe('dmSoundex', () => {
  it('gives one code set for a name in any script or system', () => {
    const expected = dmSoundex('Щербаков');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((c) => /^\d{6}$/.test(c))).toBe(true);
    for (const s of ['Shcherbakov', 'Schtscherbakow', 'Chtcherbakov', 'Ŝerbakov', 'Szczerbakow']) {
      expect(dmSoundex(s), s).toEqual(expected);
    }
  });

  it('codes a canonical key the same as the name it came from', () => {
    for (const [name, part] of [
      ['Серёжа', 'given'],
      ['Воробьёв', 'surname'],
      ['Юрьевна', 'patronymic'],
    ] as const) {
      expect(dmSoundex(canonicalName(name, part))).toEqual(
        dmSoundex(canonicalName(canonicalName(name, part), part)),
      );
    }
  });

  it('brings near spellings together that the exact key keeps apart', () => {
    expect(canonicalName('Шаров', 'surname')).not.toBe(canonicalName('Жаров', 'surname'));
    expect(dmSoundex('Шаров')).toEqual(dmSoundex('Жаров'));
  });

  it('tells unrelated names apart', () => {
    expect(dmSoundex('Иванов')).not.toEqual(dmSoundex('Петров'));
  });

  it('gives no codes for empty or non-letter input, and the union for double surnames', () => {
    expect(dmSoundex('')).toEqual([]);
    expect(dmSoundex(' -- ')).toEqual([]);
    const both = dmSoundex('Петров-Водкин');
    for (const c of [...dmSoundex('Петров'), ...dmSoundex('Водкин')]) expect(both).toContain(c);
  });

  it('returns a fresh array the caller may change', () => {
    dmSoundex('Иванов').push('junk');
    expect(dmSoundex('Иванов')).not.toContain('junk');
  });
});
