import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import { lgamma } from './special.js';

describe('seeded random generator', () => {
  it('gives the same draws for the same seed and different ones for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const da = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(da);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(da);
  });

  it.each([
    [1000, 0.3],
    [60, 0.45],
    [4000, 0.01],
    [25, 0.9],
  ])('draws Binomial(%i, %f) with the right distribution', (n, p) => {
    const rng = new Rng(2024);
    const draws = 100_000;
    const h = new Float64Array(n + 1);
    for (let i = 0; i < draws; i++) {
      const x = rng.binomial(n, p);
      h[x] = (h[x] ?? 0) + 1;
    }
    let chi = 0;
    let df = -1;
    for (let k = 0; k <= n; k++) {
      const pk = Math.exp(
        lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p),
      );
      if (pk * draws < 20) continue;
      chi += ((h[k] ?? 0) - pk * draws) ** 2 / (pk * draws);
      df++;
    }
    // chi-square far beyond its 99.9% point would mean a wrong sampler
    expect(chi).toBeLessThan(df + 4.5 * Math.sqrt(2 * df) + 10);
  });

  it('draws gamma, Poisson and negative binomial with the right mean and variance', () => {
    const rng = new Rng(9);
    const moments = (f: () => number, n = 100_000): [number, number] => {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = f();
        s += x;
        s2 += x * x;
      }
      return [s / n, s2 / n - (s / n) ** 2];
    };
    const [gm, gv] = moments(() => rng.gamma(0.25));
    expect(gm).toBeCloseTo(0.25, 1);
    expect(gv).toBeCloseTo(0.25, 1);
    const [pm, pv] = moments(() => rng.poisson(6000));
    expect(Math.abs(pm - 6000)).toBeLessThan(3);
    expect(Math.abs(pv / 6000 - 1)).toBeLessThan(0.03);
    const [nm] = moments(() => rng.negativeBinomial(4400, 0.42));
    expect(Math.abs(nm - (4400 * 0.58) / 0.42)).toBeLessThan(5);
  });
});
