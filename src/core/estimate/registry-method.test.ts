import { describe, expect, it } from 'vitest';
import { registryCountsFromRows, registryMatchesFromRows, RegistryInputError } from './registry-input.js';
import { estimateRegistry } from './registry-method.js';

const header = ['sex', 'age_band', 'period', 'phase', 'deaths'];
// Synthetic registry: 2 baseline years, 2 war years; in band 20-29 men die 1000/yr before the war
// and 1600/yr during it, women 400/yr throughout; band 30-39 men 2000 → 2400, women 800.
const rows = [
  ...['2019', '2020'].flatMap((y) => [
    ['male', '20-29', y, 'baseline', '1000'],
    ['female', '20-29', y, 'baseline', '400'],
    ['male', '30-39', y, 'baseline', '2000'],
    ['female', '30-39', y, 'baseline', '800'],
  ]),
  ...['2022', '2023'].flatMap((y) => [
    ['male', '20-29', y, 'war', '1600'],
    ['female', '20-29', y, 'war', '400'],
    ['male', '30-39', y, 'war', '2400'],
    ['female', '30-39', y, 'war', '800'],
  ]),
];
const matches = [
  ['20-29', '500', '250'],
  ['30-39', '400', '100'],
];

describe('registry (probate) method', () => {
  it('divides the excess by the share of named dead found, band by band', () => {
    const counts = registryCountsFromRows(header, rows);
    const found = registryMatchesFromRows(['age_band', 'named', 'found'], matches);
    const r = estimateRegistry(counts, found, { seed: 3, replicates: 500 });
    // 20-29: excess 3200 − 2000 = 1200, share 0.5 → 2400; 30-39: 4800 − 4000 = 800, share 0.25 → 3200
    expect(r.estimate).toBeCloseTo(5600, 6);
    expect(r.lower).toBeLessThan(5600);
    expect(r.upper).toBeGreaterThan(5600);
    expect(r.lower).toBeGreaterThan(3000);
    expect(r.upper).toBeLessThan(9000);
    expect(estimateRegistry(counts, found, { seed: 3, replicates: 500 }).lower).toBe(r.lower);
  });

  it('names the line and column of bad input', () => {
    expect(() => registryCountsFromRows(header, [['male', '20-29', '2019', 'baseline', '-5']])).toThrow(
      'line 2, column deaths: expected a non-negative whole number, found "-5"',
    );
    expect(() => registryCountsFromRows(header, [['x', '20-29', '2019', 'baseline', '5']])).toThrow(
      'line 2, column sex: expected male or female, found "x"',
    );
    expect(() => registryCountsFromRows(['sex', 'deaths'], [])).toThrow(RegistryInputError);
    expect(() => registryMatchesFromRows(['age_band', 'named', 'found'], [['20-29', '5', '9']])).toThrow(
      'line 2, column found: 9 found is more than the 5 named',
    );
  });

  it('refuses a band where no named person was found', () => {
    const counts = registryCountsFromRows(header, rows);
    const none = registryMatchesFromRows(
      ['age_band', 'named', 'found'],
      [
        ['20-29', '500', '0'],
        ['30-39', '400', '100'],
      ],
    );
    expect(() => estimateRegistry(counts, none)).toThrow(
      /age band 20-29: none of the 500 named persons was found/,
    );
  });
});
