import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaro, jaroWinkler } from './string-similarity.js';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaro('crate', 'trace')).toBeCloseTo(0.7333, 4);
  });

  it('is 1 for equal strings and 0 against an empty one', () => {
    expect(jaroWinkler('ivanov', 'ivanov')).toBe(1);
    expect(jaroWinkler('', 'ivanov')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('handles strings longer than its scratch buffers', () => {
    const long = 'a'.repeat(300) + 'b';
    expect(jaroWinkler(long, long + 'c')).toBeGreaterThan(0.99);
  });
});

describe('damerauLevenshtein', () => {
  it('counts a transposition as one edit', () => {
    expect(damerauLevenshtein('19810412', '19810421', 3)).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops early past the cut-off', () => {
    expect(damerauLevenshtein('1234567', '7654321', 2)).toBe(3);
    expect(damerauLevenshtein('abc', 'abcdef', 1)).toBe(2);
  });

  it('gives with a cut-off of 1 what the full distance gives (the linear fast path)', () => {
    const text = fc.string({ unit: fc.constantFrom('1', '2', '9', '-', '0', 'а'), maxLength: 10 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(damerauLevenshtein(a, b, 1)).toBe(Math.min(damerauLevenshtein(a, b, 2), 2));
      }),
      { numRuns: 20_000 },
    );
    expect(damerauLevenshtein('1981-04-12', '1981-04-21', 1)).toBe(1);
    expect(damerauLevenshtein('1981-04-12', '1981-4-12', 1)).toBe(1);
    expect(damerauLevenshtein('1981-04-12', '1891-04-21', 1)).toBe(2);
  });
});
