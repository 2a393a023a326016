import { describe, expect, it } from 'vitest';
import type { LinkedPerson } from '../../core/estimate/register-lists.js';
import { Rng } from '../../core/estimate/rng.js';
import { estimateFromRegister } from './register-estimate.service.js';

const KINDS = ['relative_post', 'local_media', 'official_statement', 'grave_photo'];

/** Synthetic register: 3,000 deaths in two regions, each source kind finds a person independently. */
function syntheticRegister(): LinkedPerson[] {
  const rng = new Rng(11);
  const people: LinkedPerson[] = [];
  for (let i = 0; i < 3000; i++) {
    const sourceKinds = KINDS.filter((_, j) => rng.uniform() < ([0.3, 0.25, 0.2, 0.35][j] ?? 0));
    if (sourceKinds.length > 0)
      people.push({ sourceKinds, strata: { region: i % 10 === 0 ? 'Tyva' : 'Buryatia' } });
  }
  people.push({ sourceKinds: ['court_record'] }, { sourceKinds: ['local_media'] });
  return people;
}

describe('estimate from the register', () => {
  it('estimates overall and per region, flagging the sparse region', () => {
    const r = estimateFromRegister({
      persons: syntheticRegister(),
      mapping: {
        lists: {
          family: ['relative_post'],
          media: ['local_media'],
          official: ['official_statement'],
          graves: ['grave_photo'],
        },
        minObserved: 250,
      },
      stratifyBy: ['region'],
      method: 'loglinear',
    });
    expect(r.overall.lower).toBeLessThan(3000);
    expect(r.overall.upper).toBeGreaterThan(3000);
    expect(r.unlisted).toBe(1);
    expect(r.overall.warnings[0]).toMatch(/^1 person\(s\) have no source/);
    const tyva = r.strata.find((s) => s.key === 'region=Tyva');
    expect(tyva?.warnings[0]).toMatch(/too sparse to estimate reliably/);
    expect(tyva?.result?.inputs.stratum).toBe('region=Tyva');
    const unknown = r.strata.find((s) => s.key === 'region=Unknown');
    expect(unknown?.error).toMatch(/no record appears on more than one list|has no records/);
  });
});
