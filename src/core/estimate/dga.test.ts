import { describe, expect, it } from 'vitest';
import { decomposableGraphs } from './decomposable-graphs.js';
import { dgaPosterior } from './dga.js';
import { estimateDga } from './estimate-dga.js';
import { loadFixture } from './fixtures/load-fixture.js';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('decomposable graphs', () => {
  it('finds the 8, 61 and 822 decomposable graphs dga ships for 3, 4 and 5 lists', () => {
    expect([3, 4, 5].map((p) => decomposableGraphs(p).length)).toEqual([8, 61, 822]);
  });
  it('gives cliques and separators of a junction tree', () => {
    const star = decomposableGraphs(3).find(
      (g) => g.cliques.length === 2 && g.separators.length === 1 && g.separators[0] === 0b001,
    );
    expect(star?.cliques.sort()).toEqual([0b011, 0b101]);
  });
});

describe('Madigan–York model averaging (dga 2.0.2)', () => {
  it('5-list example, delta 0.5, Nmissing 1:300: mean 617.8, median 616, 95% 588–655', () => {
    const post = dgaPosterior(loadFixture('madigan_york_5list.csv'), { delta: 0.5, nMissing: range(1, 300) });
    expect([post.mean.toFixed(4), post.median, post.lower, post.upper, post.mode]).toEqual([
      '617.8159',
      616,
      588,
      655,
      614,
    ]);
    const top = [...post.graphWeights]
      .sort((a, b) => b - a)
      .slice(0, 3)
      .map((w) => w.toFixed(4));
    expect(top).toEqual(['0.2171', '0.1603', '0.0823']);
  });
  it('3-list example, delta 1: mean 733.7, median 732, 95% 682–798', () => {
    const post = dgaPosterior(loadFixture('madigan_york_3list.csv'), { delta: 1, nMissing: range(1, 300) });
    expect([post.mean.toFixed(4), post.median, post.lower, post.upper]).toEqual(['733.7219', 732, 682, 798]);
  });
  it('Kosovo, delta 1/16: mean 12,749.3, median 12,595, 95% 9,827–16,544', () => {
    const post = dgaPosterior(loadFixture('kosovo_aggregate_patterns.csv'), {
      delta: 1 / 16,
      nMissing: range(0, 22000),
    });
    expect([post.mean.toFixed(2), post.median, post.lower, post.upper, post.mode]).toEqual([
      '12749.31',
      12595,
      9827,
      16544,
      12267,
    ]);
  });
  it('widens its default range until the posterior tail is negligible', () => {
    const r = estimateDga(loadFixture('kosovo_aggregate_patterns.csv'));
    expect(r.estimate).toBe(12595);
    expect(r.warnings).toEqual([]);
  });
});
