import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormula, unescapeFormula } from './formula.js';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '\0'];
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const formulaLike = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.stringMatching(/^'{0,3}$/), fc.constantFrom(...DANGEROUS), fc.string()).map(([a, b, c]) => a + b + c),
);

describe('formula escaping', () => {
  it('never leaves a text cell that starts like a formula, and leaves numbers alone', () => {
    fc.assert(
      fc.property(formulaLike, (s) => {
        const escaped = escapeFormula(s);
        if (NUMBER.test(s)) expect(escaped).toBe(s);
        else expect(DANGEROUS).not.toContain(escaped[0]);
      }),
    );
  });

  it('is undone exactly by unescapeFormula, even for text that already starts with apostrophes', () => {
    fc.assert(
      fc.property(formulaLike, (s) => {
        expect(unescapeFormula(escapeFormula(s))).toBe(s);
      }),
    );
    expect(escapeFormula("'=1")).toBe("''=1");
    expect(unescapeFormula("'it's")).toBe("'it's");
    expect(escapeFormula('-12.5')).toBe('-12.5');
    expect(escapeFormula('-')).toBe("'-");
  });
});
