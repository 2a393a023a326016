import { describe, expect, it } from 'vitest';
import { estimateDga } from './estimate-dga.js';
import { estimateLcmcr } from './estimate-lcmcr.js';
import { estimateLoglinear } from './estimate-loglinear.js';
import { estimateResultSchema } from './estimate.schemas.js';
import { loadFixture } from './fixtures/load-fixture.js';

describe('EstimateResult', () => {
  it('every method gives a record that survives a JSON round trip and passes the schema', () => {
    const table = loadFixture('HIV.csv');
    const results = [
      estimateLoglinear(table),
      estimateDga(table),
      estimateLcmcr(table, { seed: 3, burnIn: 500, samples: 100, thin: 5 }),
    ];
    for (const r of results) {
      const back: unknown = JSON.parse(JSON.stringify(r));
      expect(estimateResultSchema.parse(back)).toEqual(r);
      expect(r.lower).toBeLessThanOrEqual(r.estimate);
      expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
      expect(r.assumptions.length).toBeGreaterThan(2);
      expect(r.inputs.observed).toBe(1896);
    }
    expect(results[0]?.inputs.patterns?.['1100']).toBe(33);
  });

  it('HIV best AIC model is Mt + c1:c2 (12,318.5; AIC 86.65)', () => {
    const r = estimateLoglinear(loadFixture('HIV.csv'), { criterion: 'aic' });
    expect(r.model).toBe('[12,3,4]');
    expect(r.estimate.toFixed(1)).toBe('12318.5');
    expect((r.details?.aic as number).toFixed(2)).toBe('86.65');
    expect([r.lower.toFixed(1), r.upper.toFixed(1)]).toEqual(['10266.0', '14992.3']);
  });
});
