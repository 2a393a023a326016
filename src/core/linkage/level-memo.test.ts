import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../synth/generate.js';
import { candidatePairs } from './blocking.js';
import { buildDataset } from './dataset.js';
import { LevelMemo, memoSignatures } from './level-memo.js';
import { compileComparator } from './levels.js';
import { prepareRows } from './prepare.js';
import { seededRandom } from './random.js';
import { parseSettings } from './settings.schemas.js';

const shipped = parseSettings(JSON.parse(readFileSync(new URL('settings/person-register.json', import.meta.url), 'utf8')));

describe('memoised comparison levels', () => {
  it('give the levels the comparators give, for every comparison of the shipped settings (synthetic register)', () => {
    const ds = buildDataset(shipped, prepareRows(shipped, generateRegister({ persons: 1500, seed: 5 }).records));
    const blocked = candidatePairs(ds, shipped.blocking, shipped.maxBlockSize).pairs;
    const rnd = seededRandom(9);
    const pairs: [number, number][] = Array.from({ length: 20_000 }, () => [Math.floor(rnd() * ds.size), Math.floor(rnd() * ds.size)]);
    for (let k = 0; k < blocked.length; k++) pairs.push([blocked.a[k] ?? 0, blocked.b[k] ?? 0]);
    let memoised = 0;
    for (const c of shipped.comparisons) {
      const memo = new LevelMemo(c, ds);
      const plain = compileComparator(c, ds, false);
      if (memo.memoised) memoised++;
      const wrong = pairs.filter(([i, j]) => memo.level(i, j) !== plain(i, j));
      expect({ comparison: c.name, wrong: wrong.length }).toEqual({ comparison: c.name, wrong: 0 });
    }
    expect(memoised).toBeGreaterThan(2);
  });

  it('tells apart records that differ only in the columns a level reads besides its own', () => {
    const settings = parseSettings({
      columns: [{ name: 'death' }, { name: 'rf' }, { name: 'rt' }, { name: 'alias' }],
      comparisons: [
        { name: 'death', column: 'death', kind: 'date', levels: [{ type: 'exact' }, { type: 'rangeOverlap', from: 'rf', to: 'rt' }] },
        { name: 'alias', column: 'death', levels: [{ type: 'exact' }, { type: 'exactOn', column: 'alias' }] },
      ],
      blocking: [['death']],
    });
    const ds = buildDataset(settings, [
      { death: '2023', rf: '2023-07-01', rt: '2023-07-31', alias: 'a' },
      { death: '2022', rf: '2023-07-10', rt: '2023-07-20', alias: 'a' },
      { death: '2022', rf: '2021-01-01', rt: '2021-02-01', alias: 'b' },
    ]);
    for (const c of settings.comparisons) {
      expect(memoSignatures(c, ds)?.count).toBe(3);
      const memo = new LevelMemo(c, ds);
      const plain = compileComparator(c, ds, false);
      expect([memo.level(0, 1), memo.level(0, 2)]).toEqual([plain(0, 1), plain(0, 2)]);
    }
    expect(new LevelMemo(settings.comparisons[0] ?? shipped.comparisons[0]!, ds).level(0, 2)).toBe(2);
  });
});
