import { describe, expect, it } from 'vitest';
import { estimateLoglinear } from './estimate-loglinear.js';
import { loadFixture } from './fixtures/load-fixture.js';
import {
  classicModels,
  fitLoglinear,
  hierarchicalSpec,
  rankLoglinearModels,
  type LoglinearFit,
} from './loglinear.js';
import { enumerateHierarchicalModels, parseModelName } from './loglinear-models.js';
import { profileInterval } from './profile-ci.js';

/** A fit as Rcapture prints it: abundance and stderr to 1 decimal, deviance/AIC/BIC to 3. */
function printed(f: LoglinearFit): string {
  return `${f.model} ${f.abundance.toFixed(1)} ${f.stderr.toFixed(1)} ${f.deviance.toFixed(3)} ${f.df} ${f.aic.toFixed(3)} ${f.bic.toFixed(3)}`;
}

describe('hierarchical log-linear models (Rcapture closedpMS.t)', () => {
  it('reproduces the Kosovo top ten by BIC', () => {
    const top = rankLoglinearModels(loadFixture('kosovo_aggregate_patterns.csv')).slice(0, 10).map(printed);
    expect(top).toEqual([
      '[123,14,34] 10356.5 785.9 9.323 4 132.747 203.030',
      '[123,134] 12741.0 1600.7 1.017 3 126.441 203.113',
      '[134,12,23] 18393.3 1738.8 10.250 4 133.674 203.957',
      '[123,14,24,34] 9824.2 801.7 7.047 3 132.471 209.143',
      '[134,12,23,24] 19233.5 1921.9 8.096 3 133.520 210.192',
      '[123,134,24] 12840.7 2018.5 1.010 2 128.434 211.496',
      '[123,34] 8650.4 433.9 27.929 5 149.353 213.247',
      '[123,234] 7665.0 384.8 12.821 3 138.245 214.918',
      '[123,24,34] 8132.3 422.7 21.621 4 145.045 215.328',
      '[134,234,12] 20704.1 2280.8 4.964 2 132.388 215.450',
    ]);
  });

  it('reproduces the lesbian top five with Darroch heterogeneity', () => {
    const top = rankLoglinearModels(loadFixture('lesbian.csv'), { heterogeneity: 'Darroch' })
      .slice(0, 5)
      .map(printed);
    expect(top).toEqual([
      '[12,13,14] Darroch 7030.7 687.2 7.240 6 117.593 168.797',
      '[13,14,2] Darroch 7479.0 737.7 15.747 7 124.099 169.614',
      '[14,2,3] Darroch 7423.0 728.5 23.865 8 130.217 170.043',
      '[14,23] Darroch 7535.7 743.7 17.378 7 125.731 171.246',
      '[13,14,23] Darroch 7582.3 752.2 11.549 6 121.902 173.106',
    ]);
  });

  it('enumerates 1,024 two-way models for 5 lists', () => {
    expect(enumerateHierarchicalModels(5, 2)).toHaveLength(1024);
    expect(new Set(enumerateHierarchicalModels(4, 3).map((m) => m.name)).size).toBe(
      enumerateHierarchicalModels(4, 3).length,
    );
  });
});

describe('classic models with heterogeneity (Rcapture closedp.t)', () => {
  it('reproduces the Kosovo table, Chao, Poisson2, Darroch and Gamma3.5 included', () => {
    const rows = classicModels(loadFixture('kosovo_aggregate_patterns.csv')).map(
      (f) =>
        `${f.model} ${f.abundance.toFixed(1)} ${f.stderr.toFixed(1)} ${f.deviance.toFixed(3)} ${f.df} ${f.aic.toFixed(3)}`,
    );
    expect(rows).toEqual([
      'M0 7608.4 136.6 1104.002 13 1209.426',
      'Mt 7394.6 129.6 245.939 10 357.363',
      'Mh Chao 8787.2 222.6 986.922 12 1094.346',
      'Mh Poisson2 9403.0 310.9 1019.517 12 1126.941',
      'Mh Darroch 12448.4 778.0 1001.925 12 1109.349',
      'Mh Gamma3.5 17102.6 1707.3 996.530 12 1103.954',
      'Mth Chao 8591.2 213.5 105.497 9 218.921',
      'Mth Poisson2 9327.8 306.3 139.188 9 252.612',
      'Mth Darroch 12797.3 814.8 119.448 9 232.872',
      'Mth Gamma3.5 18387.1 1892.9 113.784 9 227.208',
    ]);
  });

  it('reproduces the HIV and lesbian Mth Darroch rows', () => {
    const hiv = classicModels(loadFixture('HIV.csv')).find((f) => f.model === 'Mth Darroch');
    expect(hiv && printed(hiv)).toBe('Mth Darroch 21327.5 8428.4 10.426 9 89.462 122.747');
    const les = classicModels(loadFixture('lesbian.csv')).find((f) => f.model === 'Mth Darroch');
    expect(les && printed(les)).toBe('Mth Darroch 6963.7 650.1 98.134 9 202.487 236.623');
  });
});

describe('profile-likelihood intervals (Rcapture closedpCI.t)', () => {
  const ci = (file: string, name: string, h: 'none' | 'Darroch' = 'none'): string => {
    const table = loadFixture(file);
    const spec = hierarchicalSpec(table.lists.length, parseModelName(name, table.lists.length), h);
    const fit = fitLoglinear(table, spec);
    const p = profileInterval(table, spec, fit.abundance);
    return `${fit.abundance.toFixed(1)} ${fit.stderr.toFixed(1)} | ${p.mle.toFixed(1)} ${p.lower.toFixed(1)} ${p.upper.toFixed(1)}`;
  };
  it('Kosovo best BIC model [123,14,34]: 10,356.5, CI 8,994.3 – 12,110.4', () => {
    expect(ci('kosovo_aggregate_patterns.csv', '[123,14,34]')).toBe('10356.5 785.9 | 10334.5 8994.3 12110.4');
  });
  it('HIV Mt + c1:c2: 12,318.5, CI 10,266 – 14,992.3', () => {
    expect(ci('HIV.csv', '[12,3,4]')).toBe('12318.5 1188.7 | 12308.0 10266.0 14992.3');
  });
  it('lesbian [12,13,14] Darroch: 7,030.7, CI 5,836.8 – 8,558.7', () => {
    expect(ci('lesbian.csv', '[12,13,14]', 'Darroch')).toBe('7030.7 687.2 | 7015.5 5836.8 8558.7');
  });
  it('Kosovo independence: 7,394.6, CI 7,147.7 – 7,656.2', () => {
    expect(ci('kosovo_aggregate_patterns.csv', '[1,2,3,4]')).toBe('7394.6 129.6 | 7392.9 7147.7 7656.2');
  });
});

describe('many lists', () => {
  it('searches 8 lists stepwise and still gives a finite estimate inside its interval', () => {
    const r = estimateLoglinear(loadFixture('NewOrl.csv'));
    expect(r.details?.search).toMatch(/^stepwise/);
    expect(Number.isFinite(r.estimate)).toBe(true);
    expect(r.lower).toBeLessThanOrEqual(r.estimate);
    expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
    expect(r.estimate).toBeGreaterThan(r.inputs.observed);
  });
});
