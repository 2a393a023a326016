import { REGISTRY_ASSUMPTIONS } from './assumptions.js';
import type { EstimateResult } from './estimate.schemas.js';
import { RegistryInputError, type RegistryCount, type RegistryMatch } from './registry-input.js';
import { Rng } from './rng.js';
import { quantileSorted } from './special.js';

export interface RegistryOptions {
  seed?: number;
  replicates?: number;
}

interface Band {
  ageBand: string;
  male0: number;
  female0: number;
  male1: number;
  female1: number;
  named: number;
  found: number;
}

/** Excess male deaths in one band: observed minus the average of the two expectations. */
function bandExcess(
  b: Band,
  baselinePeriods: number,
  warPeriods: number,
): { fromYears: number; fromWomen: number; expected: number; excess: number } {
  const fromYears = (b.male0 / baselinePeriods) * warPeriods;
  const fromWomen = b.female0 > 0 ? b.female1 * (b.male0 / b.female0) : fromYears;
  const expected = (fromYears + fromWomen) / 2;
  return { fromYears, fromWomen, expected, excess: b.male1 - expected };
}

function total(bands: readonly Band[], p0: number, p1: number): number {
  let sum = 0;
  for (const b of bands) sum += bandExcess(b, p0, p1).excess / (b.found / b.named);
  return sum;
}

function buildBands(
  counts: readonly RegistryCount[],
  matches: readonly RegistryMatch[],
): { bands: Band[]; p0: number; p1: number } {
  const p0 = new Set(counts.filter((c) => c.phase === 'baseline').map((c) => c.period)).size;
  const p1 = new Set(counts.filter((c) => c.phase === 'war').map((c) => c.period)).size;
  if (p0 === 0 || p1 === 0)
    throw new RegistryInputError(
      'the registry counts need rows for both phases: baseline (before the war) and war',
    );
  const byBand = new Map<string, Band>();
  for (const c of counts) {
    const b = byBand.get(c.ageBand) ?? {
      ageBand: c.ageBand,
      male0: 0,
      female0: 0,
      male1: 0,
      female1: 0,
      named: 0,
      found: 0,
    };
    if (c.sex === 'male') {
      if (c.phase === 'baseline') b.male0 += c.deaths;
      else b.male1 += c.deaths;
    } else if (c.phase === 'baseline') b.female0 += c.deaths;
    else b.female1 += c.deaths;
    byBand.set(c.ageBand, b);
  }
  for (const m of matches) {
    const b = byBand.get(m.ageBand);
    if (!b)
      throw new RegistryInputError(`age band ${m.ageBand} is in the matches but has no registry counts`);
    b.named += m.named;
    b.found += m.found;
  }
  for (const b of byBand.values()) {
    if (b.named === 0)
      throw new RegistryInputError(
        `age band ${b.ageBand} has registry counts but no named persons in the matches`,
      );
    if (b.found === 0)
      throw new RegistryInputError(
        `age band ${b.ageBand}: none of the ${b.named} named persons was found in the registry, so its coverage cannot be estimated (merge it with a neighbouring band)`,
      );
    if (b.male0 === 0)
      throw new RegistryInputError(
        `age band ${b.ageBand} has no male baseline deaths; the expected count cannot be computed`,
      );
  }
  return { bands: [...byBand.values()].sort((a, b) => a.ageBand.localeCompare(b.ageBand)), p0, p1 };
}

/**
 * Registry (probate) method, as Mediazona and Meduza estimated Russian military deaths:
 * excess male deaths in the registry over the expected (from earlier years and from women's
 * deaths), divided by the share of named war dead found in the registry, band by band;
 * 95% interval by parametric bootstrap (Poisson counts, binomial shares).
 */
export function estimateRegistry(
  counts: readonly RegistryCount[],
  matches: readonly RegistryMatch[],
  options: RegistryOptions = {},
): EstimateResult {
  const { bands, p0, p1 } = buildBands(counts, matches);
  const seed = options.seed ?? 1;
  const replicates = options.replicates ?? 2000;
  const estimate = total(bands, p0, p1);
  const rng = new Rng(seed);
  const boot: number[] = [];
  let dropped = 0;
  for (let r = 0; r < replicates; r++) {
    const sample = bands.map((b) => ({
      ...b,
      male0: rng.poisson(b.male0),
      female0: rng.poisson(b.female0),
      male1: rng.poisson(b.male1),
      female1: rng.poisson(b.female1),
      found: rng.binomial(b.named, b.found / b.named),
    }));
    if (sample.some((b) => b.found === 0 || b.male0 === 0)) {
      dropped++;
      continue;
    }
    boot.push(total(sample, p0, p1));
  }
  boot.sort((a, b) => a - b);
  const warnings: string[] = [];
  if (dropped > replicates * 0.01)
    warnings.push(
      `${dropped} of ${replicates} bootstrap replicates found no named person in some band; the interval is unreliable`,
    );
  const table = bands.map((b) => {
    const e = bandExcess(b, p0, p1);
    const share = b.found / b.named;
    if (e.excess < 0)
      warnings.push(
        `age band ${b.ageBand}: fewer male deaths than expected (excess ${Math.round(e.excess)})`,
      );
    return {
      ageBand: b.ageBand,
      observedMale: b.male1,
      expectedFromYears: e.fromYears,
      expectedFromWomen: e.fromWomen,
      excess: e.excess,
      named: b.named,
      found: b.found,
      share,
      estimate: e.excess / share,
    };
  });
  let mean = 0;
  for (const x of boot) mean += x;
  mean /= Math.max(1, boot.length);
  let ss = 0;
  for (const x of boot) ss += (x - mean) ** 2;
  const named = bands.reduce((s, b) => s + b.named, 0);
  return {
    method: 'registry',
    estimate,
    lower: quantileSorted(boot, 0.025),
    upper: quantileSorted(boot, 0.975),
    level: 0.95,
    se: Math.sqrt(ss / Math.max(1, boot.length - 1)),
    model: 'excess male deaths / share of named dead found in the registry, by age band',
    seed,
    assumptions: [...REGISTRY_ASSUMPTIONS],
    warnings,
    inputs: { lists: bands.map((b) => b.ageBand), observed: named },
    details: { baselinePeriods: p0, warPeriods: p1, replicates: boot.length, bands: table },
  };
}
