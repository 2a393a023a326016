import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateDga } from './estimate-dga.js';
import { estimateLcmcr } from './estimate-lcmcr.js';
import { estimateLoglinear } from './estimate-loglinear.js';
import type { EstimateResult } from './estimate.schemas.js';
import { patternTableFromRows, PatternTableError, type PatternTable } from './pattern-table.js';

/** Random small pattern tables: 3 or 4 lists, counts 0–60 per observed pattern. */
const tables = fc.integer({ min: 3, max: 4 }).chain((t) =>
  fc
    .array(fc.integer({ min: 0, max: 60 }), { minLength: (1 << t) - 1, maxLength: (1 << t) - 1 })
    .map((counts): PatternTable => ({
      lists: Array.from({ length: t }, (_, j) => `L${j + 1}`),
      cells: [0, ...counts],
    })),
);

function finiteOrClearError(run: () => EstimateResult): void {
  let r: EstimateResult;
  try {
    r = run();
  } catch (error) {
    expect((error as Error).message).not.toMatch(/NaN|undefined/);
    return;
  }
  for (const v of [r.estimate, r.lower, r.upper]) expect(Number.isFinite(v)).toBe(true);
  expect(r.lower).toBeLessThanOrEqual(r.estimate + 1e-6);
  expect(r.upper).toBeGreaterThanOrEqual(r.estimate - 1e-6);
  expect(r.estimate).toBeGreaterThanOrEqual(r.inputs.observed - 1e-6);
}

describe('estimators on arbitrary tables', () => {
  it('give finite figures with lower ≤ estimate ≤ upper, or a clear error, never NaN', () => {
    fc.assert(
      fc.property(tables, (table) => {
        finiteOrClearError(() => estimateLoglinear(table));
        finiteOrClearError(() => estimateDga(table));
        finiteOrClearError(() => estimateLcmcr(table, { seed: 1, burnIn: 100, samples: 50, thin: 2 }));
      }),
      { numRuns: 25, seed: 20261202 },
    );
  });

  it('the pattern parser accepts exactly well-formed rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 3 }), { minLength: 0, maxLength: 5 }), { maxLength: 6 }),
        (rows) => {
          try {
            const t = patternTableFromRows(['A', 'B', 'C', 'n'], rows);
            expect(t.cells.every((c) => Number.isSafeInteger(c) && c >= 0)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(PatternTableError);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
