import { describe, expect, it } from 'vitest';
import { makePerson, syntheticPersons } from './fixtures/synthetic-persons.js';
import { ageBand, computeTables } from './release.tables.js';
import { canonicalJson } from './canonical-json.js';
import { isoWeek, weeksBetween } from './release.dates.js';

const sum = (rows: { count: number }[]): number => rows.reduce((s, r) => s + r.count, 0);

describe('computeTables', () => {
  const persons = syntheticPersons(500, 7);
  const t = computeTables('2025-03-28', persons);

  it('every breakdown sums to the total (nothing silently dropped)', () => {
    expect(t.totals.total).toBe(500);
    expect(sum(t.byCategory) + t.wagner).toBe(500);
    expect(sum(t.byRegion)).toBe(500);
    expect(sum(t.byAgeBand)).toBe(500);
    expect(sum(t.byRankClass)).toBe(500);
    expect(sum(t.byWeek)).toBe(500);
    expect(sum(t.byMonth)).toBe(500);
  });

  it('keeps Wagner apart from the categories', () => {
    expect(t.byCategory.map((r) => r.key)).not.toContain('pmc_wagner');
    expect(t.wagner).toBe(persons.filter((p) => p.category === 'pmc_wagner').length);
    expect(t.wagner).toBeGreaterThan(0);
  });

  it('always lists FOREIGN and UNKNOWN regions last', () => {
    const one = computeTables('2025-01-01', [makePerson({ region: 'RU-MOS' })]);
    expect(one.byRegion).toEqual([
      { key: 'RU-MOS', count: 1 },
      { key: 'FOREIGN', count: 0 },
      { key: 'UNKNOWN', count: 0 },
    ]);
  });

  it('counts vague death dates as unknown week but known month when the month is certain', () => {
    const month = { text: 'март 2023', precision: 'month' as const, from: '2023-03-01', to: '2023-03-31' };
    const r = computeTables('2025-01-01', [makePerson({ deathDate: month }), makePerson({ id: 'b', deathDate: null })]);
    expect(r.byWeek).toEqual([{ key: 'unknown', count: 2 }]);
    expect(r.byMonth).toEqual([
      { key: '2023-03', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
  });

  it('fills empty weeks between the first and last death with zeros', () => {
    const d = (iso: string) => ({ text: iso, precision: 'day' as const, from: iso, to: iso });
    const r = computeTables('2025-01-01', [makePerson({ deathDate: d('2023-01-02') }), makePerson({ id: 'b', deathDate: d('2023-01-23') })]);
    expect(r.byWeek.map((w) => [w.key, w.count])).toEqual([
      ['2023-W01', 1],
      ['2023-W02', 0],
      ['2023-W03', 0],
      ['2023-W04', 1],
      ['unknown', 0],
    ]);
  });

  it('does not depend on the order of persons', () => {
    expect(canonicalJson(computeTables('2025-03-28', [...persons].reverse()))).toBe(canonicalJson(t));
  });
});

describe('age bands and weeks', () => {
  it('bands ages as the public page shows them', () => {
    expect([17, 19, 20, 24, 25, 54, 55, 70].map(ageBand)).toEqual(['<20', '<20', '20-24', '20-24', '25-29', '50-54', '55+', '55+']);
    expect(ageBand(null)).toBe('unknown');
  });

  it('uses ISO weeks across year ends', () => {
    expect(isoWeek('2023-01-01')).toBe('2022-W52');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2020-12-31')).toBe('2020-W53');
    expect(weeksBetween('2020-12-28', '2021-01-11')).toEqual(['2020-W53', '2021-W01', '2021-W02']);
  });
});
