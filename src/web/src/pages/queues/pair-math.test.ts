import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../api/types.js';
import { bits, pairPath, percent, waterfallBars } from './pair-math.js';

const term = (comparison: string, weight: number): Explanation['terms'][number] => ({
  comparison,
  level: 0,
  label: 'exact',
  valueA: 'a',
  valueB: 'a',
  weight,
});

describe('the duplicate-review arithmetic', () => {
  it('draws each waterfall step from the running total before it to the one after, then the total from zero', () => {
    const e: Explanation = {
      priorWeight: -8,
      terms: [term('surname', 4.5), term('region', -1.5), term('birth_date', 7)],
      weight: 2,
      probability: 0.8,
    };
    expect(waterfallBars(e)).toEqual([
      { start: 0, end: -8 },
      { start: -8, end: -3.5 },
      { start: -3.5, end: -5 },
      { start: -5, end: 2 },
      { start: 0, end: 2 },
    ]);
  });

  it('never shows an uncertain match as 100 % or 0 %', () => {
    expect([0.9734, 0.99996, 1, 0.0004, 0, 0.5].map(percent)).toEqual([
      '97.3',
      '>99.9',
      '100.0',
      '<0.1',
      '0.0',
      '50.0',
    ]);
  });

  it('signs weights with a true minus and keeps the unsure choice in the address', () => {
    expect([3.14, -0.06, 0].map(bits)).toEqual(['+3.1', '−0.1', '+0.0']);
    expect(pairPath('a/b', false)).toBe('/queues/duplicates/a%2Fb');
    expect(pairPath('p1', true)).toBe('/queues/duplicates/p1?unsure=1');
  });
});
