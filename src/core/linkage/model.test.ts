import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCandidateIndex, buildCandidateIndexInSlices, findCandidates, scoreCandidates } from './candidate-index.js';
import type { RawRow } from './dataset.js';
import { explainPair } from './explain.js';
import { bCubed, pairwiseAtWeight } from './metrics.js';
import { pairScorer } from './pair-scorer.js';
import { runLinkage, type LinkageRun } from './run-linkage.js';
import { weightOf } from './score.js';
import { modelSchema, parseSettings } from './settings.schemas.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const settings = parseSettings(JSON.parse(fixture('febrl-settings.json')));
const rows: RawRow[] = parse<Record<string, string>>(fixture('febrl1.csv'), { columns: (h: string[]) => h.map((c) => c.trim()) });
const entity = rows.map((r) => /rec-(\d+)/.exec(r.rec_id ?? '')?.[1] ?? '');

let run: LinkageRun;
beforeAll(() => {
  run = runLinkage(settings, rows, undefined);
});

describe('unsupervised model on FEBRL1', () => {
  it('learns m well above u on the exact levels and a small prior', () => {
    const ssn = settings.comparisons.findIndex((c) => c.name === 'soc_sec_id');
    expect(run.model.m[ssn]?.[0]).toBeGreaterThan(0.5);
    expect(run.model.u[ssn]?.[0]).toBeLessThan(0.01);
    expect(run.model.prior).toBeGreaterThan(1e-4);
    expect(run.model.prior).toBeLessThan(1e-2);
    expect(modelSchema.safeParse(JSON.parse(JSON.stringify(run.model))).success).toBe(true);
  });

  it('finds the duplicates at p = 0.5 without labels', () => {
    const r = pairwiseAtWeight(run.blocking.pairs, run.weight, weightOf(0.5), entity);
    expect(r.f1).toBeGreaterThan(0.98);
    expect(bCubed(run.clusters, entity).f1).toBeGreaterThan(0.98);
  });

  it('weighs a rare surname more than a common one (term frequency)', () => {
    const base = { given_name: 'x', date_of_birth: '', soc_sec_id: '' };
    const surnames = rows.map((r) => r.surname?.trim() ?? '').filter((s) => s !== '');
    const counts = new Map<string, number>();
    for (const s of surnames) counts.set(s, (counts.get(s) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const common = sorted[0]?.[0] ?? '';
    const rare = sorted.at(-1)?.[0] ?? '';
    const w = (s: string): number => explainPair(run.model, { ...base, surname: s }, { ...base, surname: s }).terms.find((t) => t.comparison === 'surname')?.weight ?? 0;
    expect(w(rare)).toBeGreaterThan(w(common) + 2);
  });
});

describe('explainPair', () => {
  it('gives waterfall terms that add up to the final weight and probability', () => {
    const a = rows.find((r) => r.rec_id?.trim() === 'rec-122-org') ?? {};
    const b = rows.find((r) => r.rec_id?.trim() === 'rec-122-dup-0') ?? {};
    const ex = explainPair(run.model, a, b);
    const sum = ex.priorWeight + ex.terms.reduce((s, t) => s + t.weight, 0);
    expect(ex.weight).toBeCloseTo(sum, 9);
    expect(ex.probability).toBeGreaterThan(0.99);
    expect(ex.terms.map((t) => t.comparison)).toEqual(settings.comparisons.map((c) => c.name));
    const other = rows.find((r) => r.rec_id?.trim() === 'rec-223-org') ?? {};
    expect(explainPair(run.model, a, other).probability).toBeLessThan(0.01);
  });

  it('scores any pair on demand exactly as the batch run scored it', () => {
    const score = pairScorer(run.model, run.dataset);
    for (let k = 0; k < run.blocking.pairs.length; k += 7) {
      expect(score(run.blocking.pairs.a[k] ?? 0, run.blocking.pairs.b[k] ?? 0)).toBeCloseTo(run.weight[k] ?? NaN, 9);
    }
  });

  it('marks a missing value as contributing nothing', () => {
    const ex = explainPair(run.model, { surname: 'berry', given_name: '' }, { surname: 'berry', given_name: 'lachlan' });
    const given = ex.terms.find((t) => t.comparison === 'given_name');
    expect(given?.level).toBe(-1);
    expect(given?.weight).toBe(0);
  });
});

describe('candidates for a new record', () => {
  it('ranks the true record first, from raw candidates and from an index', () => {
    const probe = { ...(rows.find((r) => r.rec_id?.trim() === 'rec-122-dup-0') ?? {}), rec_id: 'new' };
    const register = rows.filter((r) => r.rec_id?.trim() !== 'rec-122-dup-0');
    const index = buildCandidateIndex(run.model, register);
    const found = findCandidates(index, probe, 3);
    expect(found[0]?.recordId).toBe('rec-122-org');
    expect(found[0]?.probability).toBeGreaterThan(0.9);
    const direct = scoreCandidates(run.model, probe, register.slice(0, 200), 5);
    expect(direct[0]?.recordId).toBe('rec-122-org');
    expect(direct).toHaveLength(5);
    expect(direct[0]?.weight ?? 0).toBeGreaterThanOrEqual(direct[1]?.weight ?? 0);
  });

  it('builds the same index in slices, handing the thread back between them', async () => {
    const register = rows.filter((r) => r.rec_id?.trim() !== 'rec-122-dup-0');
    let pauses = 0;
    const sliced = await buildCandidateIndexInSlices(run.model, register, () => {
      pauses++;
      return Promise.resolve();
    }, 37);
    const whole = buildCandidateIndex(run.model, register);
    expect(pauses).toBe(Math.ceil(register.length / 37));
    expect(sliced.rows).toEqual(whole.rows);
    expect(sliced.recordIds).toEqual(whole.recordIds);
    expect(sliced.keys.map((m) => [...m.entries()].sort())).toEqual(whole.keys.map((m) => [...m.entries()].sort()));
  });

  it('skips a block larger than maxBlockSize, as the batch run does', () => {
    const probe = { ...(rows.find((r) => r.rec_id?.trim() === 'rec-122-dup-0') ?? {}), rec_id: 'new' };
    const register = rows.filter((r) => r.rec_id?.trim() !== 'rec-122-dup-0');
    const sameKey = (r: RawRow): RawRow => ({ ...r, surname: 'smith', given_name: 'anna', date_of_birth: '', soc_sec_id: '', postcode: '', address_1: '' });
    const crowd = register.slice(0, 50).map((r, i) => ({ ...sameKey(r), rec_id: `crowd-${i}` }));
    const small = { ...run.model, settings: { ...run.model.settings, maxBlockSize: 10 } };
    const large = { ...run.model, settings: { ...run.model.settings, maxBlockSize: 100 } };
    const ids = (m: typeof run.model): string[] => findCandidates(buildCandidateIndex(m, crowd), sameKey(probe), 100).map((c) => c.recordId);
    expect(ids(large).length).toBeGreaterThan(10);
    expect(ids(small)).toHaveLength(0);
  });
});

