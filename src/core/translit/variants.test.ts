import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalName } from './canonical.js';
import type { NamePart } from './canonical.js';
import { seededRandom, syntheticPatronymic, syntheticSurname } from './fixtures/synthetic-names.js';
import { GIVEN_NAME_TABLE, PATRONYMIC_TABLE } from './given-names.data.js';
import { VARIANT_SYSTEMS, nameVariants, nameVariantsBySystem } from './variants.js';
import type { VariantSystem } from './variants.js';

// Systems whose every spelling reads back to the Cyrillic key. The others (German, French,
// Swedish, Polish, ISO 9/scientific without diacritics, Ukrainian Latin) share letters between
// sounds (German s = з and с, sch = ж and ш; Swedish ch = х, English ch = ч) and are measured
// in bench/translit/accuracy.ts instead.
const LOSSLESS: readonly VariantSystem[] = ['icao', 'bgn_pcgn', 'wikipedia'];

const tableNames = (table: readonly string[]): string[] =>
  table.flatMap((row) => (row.split(':')[0] ?? '').split(',').map((s) => s.trim()));

function roundTripMisses(name: string, part: NamePart, systems: readonly VariantSystem[]): string[] {
  const key = canonicalName(name, part);
  const variants = nameVariantsBySystem(name, part);
  return systems
    .filter((s) => canonicalName(variants[s], part) !== key)
    .map((s) => `${name} ${s}: ${variants[s]}`);
}

describe('nameVariants', () => {
  it('spells Щербаков the way each system does', () => {
    const v = nameVariantsBySystem('Щербаков', 'surname');
    expect(v).toMatchObject({
      icao: 'Shcherbakov',
      iso_9: 'Ŝerbakov',
      scientific: 'Ščerbakov',
      german: 'Schtscherbakow',
      french: 'Chtcherbakov',
      swedish: 'Sjtjerbakov',
      polish: 'Szczerbakow',
    });
  });

  it('gives the Ukrainian form of a given name and a patronymic', () => {
    expect(nameVariantsBySystem('Сергей', 'given')).toMatchObject({
      ukrainian_cyrillic: 'Сергій',
      ukrainian_latin: 'Serhii',
    });
    expect(nameVariantsBySystem('Пётр', 'given')).toMatchObject({
      ukrainian_cyrillic: 'Петро',
      ukrainian_latin: 'Petro',
    });
    expect(nameVariantsBySystem('Николаевна', 'patronymic').ukrainian_cyrillic).toBe('Миколаївна');
    expect(nameVariantsBySystem('Рыбаков', 'surname')).toMatchObject({
      ukrainian_cyrillic: 'Рибаков',
      ukrainian_latin: 'Rybakov',
    });
    expect(nameVariantsBySystem('Никитин', 'surname').ukrainian_cyrillic).toBe('Нікітін');
  });

  it('returns distinct strings only', () => {
    const list = nameVariants('Иванов', 'surname');
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain('Ivanov');
    expect(list).toContain('Iwanow');
  });

  it('property: every ICAO, BGN/PCGN and Wikipedia variant of a synthetic surname or patronymic keys back', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = seededRandom(seed);
        expect(roundTripMisses(syntheticSurname(rand), 'surname', LOSSLESS)).toEqual([]);
        expect(roundTripMisses(syntheticPatronymic(rand), 'patronymic', LOSSLESS)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('every variant of every table given name and patronymic keys back, in all systems but German, French, Swedish, scientific', () => {
    const systems = VARIANT_SYSTEMS.filter((s) => !['german', 'french', 'swedish', 'scientific'].includes(s));
    const misses = [
      ...tableNames(GIVEN_NAME_TABLE).flatMap((n) => roundTripMisses(n, 'given', systems)),
      ...tableNames(PATRONYMIC_TABLE).flatMap((n) => roundTripMisses(n, 'patronymic', systems)),
    ];
    expect(misses).toEqual([]);
  });

  it('at least 95% of German, French, Swedish and scientific variants of table names key back', () => {
    const systems: VariantSystem[] = ['german', 'french', 'swedish', 'scientific'];
    const names = [
      ...tableNames(GIVEN_NAME_TABLE).map((n) => [n, 'given'] as const),
      ...tableNames(PATRONYMIC_TABLE).map((n) => [n, 'patronymic'] as const),
    ];
    const misses = names.flatMap(([n, part]) => roundTripMisses(n, part, systems));
    expect(misses.length / (names.length * systems.length)).toBeLessThan(0.05);
  });
});
