import { describe, expect, it } from 'vitest';
import { SCHEME_NAMES, transliterate } from './transliterate.js';
import { schemeDefinition } from './schemes.js';

// The vectors print Cyrillic ё (U+0451) where the standards mean Latin ë (U+00EB); we emit Latin.
const asLatin = (s: string): string => s.replace(/\u0451/g, '\u00EB');

describe('transliterate: every iuliia sample vector', () => {
  for (const name of SCHEME_NAMES) {
    const { samples } = schemeDefinition(name);
    it(`${name} (${samples.length} samples)`, () => {
      expect(samples.length).toBeGreaterThan(0);
      for (const [cyrillic, latin] of samples) {
        expect(transliterate(cyrillic, name)).toBe(asLatin(latin));
      }
    });
  }

  it('bundles all 28 iuliia schemes', () => {
    expect(SCHEME_NAMES).toHaveLength(28);
  });

  it('never leaves a Cyrillic letter in GOST 7.79, BGN/PCGN or scientific output', () => {
    for (const name of ['gost_779', 'bgn_pcgn', 'scientific'] as const) {
      expect(transliterate('Ёлкин Пётр Семёнович', name)).not.toMatch(/[\u0400-\u04FF]/);
    }
  });

  it('gives the forms users expect for a name', () => {
    expect(transliterate('Юрий Щербаков', 'wikipedia')).toBe('Yury Shcherbakov');
    expect(transliterate('Евгений Щербаков', 'icao_doc_9303')).toBe('Evgenii Shcherbakov');
  });
});
