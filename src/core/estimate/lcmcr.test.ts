import { describe, expect, it } from 'vitest';
import { estimateLcmcr } from './estimate-lcmcr.js';
import { loadFixture } from './fixtures/load-fixture.js';
import { runLcmcr } from './lcmcr.js';
import { effectiveSampleSize, gewekeZ, summarizeDraws } from './mcmc-diagnostics.js';

const kosovo = loadFixture('kosovo_aggregate_patterns.csv');

describe('LCMCR latent-class sampler', () => {
  it('is reproducible: the same seed gives the same trace, another seed another', () => {
    const short = { burnIn: 200, samples: 50, thin: 5 };
    const a = runLcmcr(kosovo, { ...short, seed: 7 });
    const b = runLcmcr(kosovo, { ...short, seed: 7 });
    const c = runLcmcr(kosovo, { ...short, seed: 8 });
    expect(Array.from(b.draws)).toEqual(Array.from(a.draws));
    expect(Array.from(c.draws)).not.toEqual(Array.from(a.draws));
    expect(a.draws.every((n) => n >= 4400)).toBe(true);
  });

  it('matches the R package on Kosovo (reference run: K=10, burn-in 10,000, 1,000 draws thinned by 100)', () => {
    const r = estimateLcmcr(kosovo, { seed: 12345 });
    // LCMCR 0.4.14 across seeds: median 10,412–10,599; 95% about 9,000 to 13,300–14,800
    expect(r.estimate).toBeGreaterThan(10_000);
    expect(r.estimate).toBeLessThan(11_000);
    expect(r.lower).toBeGreaterThan(8_000);
    expect(r.lower).toBeLessThan(9_800);
    expect(r.upper).toBeGreaterThan(12_500);
    expect(r.upper).toBeLessThan(16_000);
    expect(r.seed).toBe(12345);
    expect((r.details?.trace as number[]).length).toBe(1000);
    expect(r.details?.ess).toBeGreaterThan(20);
  });
});

describe('MCMC diagnostics', () => {
  it('gives an ESS near n for independent draws and far below n for a sticky chain', () => {
    let x = 1;
    const iid = Float64Array.from({ length: 2000 }, () => (x = (x * 16807) % 2147483647) / 2147483647);
    expect(effectiveSampleSize(iid)).toBeGreaterThan(1500);
    const sticky = Float64Array.from({ length: 2000 }, (_, i) => Math.floor(i / 100));
    expect(effectiveSampleSize(sticky)).toBeLessThan(100);
  });
  it('flags a chain that drifts with a large Geweke z, not a stationary one', () => {
    let x = 7;
    const noise = (): number => (x = (x * 16807) % 2147483647) / 2147483647;
    const stationary = Float64Array.from({ length: 1000 }, noise);
    const drifting = Float64Array.from({ length: 1000 }, (_, i) => noise() + (i < 200 ? 3 : 0));
    expect(Math.abs(gewekeZ(stationary))).toBeLessThan(3);
    expect(gewekeZ(drifting)).toBeGreaterThan(3);
  });
  it('summarises draws with R type-7 quantiles', () => {
    const s = summarizeDraws([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.median).toBe(5.5);
    expect(s.lower).toBeCloseTo(1.225, 10);
    expect(s.upper).toBeCloseTo(9.775, 10);
  });
});
