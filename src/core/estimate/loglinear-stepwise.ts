import { fitLoglinear, hierarchicalSpec, type LoglinearFit } from './loglinear.js';
import type { Heterogeneity } from './loglinear-models.js';
import type { PatternTable } from './pattern-table.js';

/**
 * Stepwise search over two-way log-linear models, for tables with too many lists to fit every
 * model (2^21 models for 7 lists): from independence, add or drop the one interaction that most
 * lowers the criterion, until none does. Returns every model visited, best first.
 */
export function stepwiseLoglinearModels(
  table: PatternTable,
  heterogeneity: Heterogeneity = 'none',
  criterion: 'bic' | 'aic' = 'bic',
): LoglinearFit[] {
  const t = table.lists.length;
  const pairs: number[] = [];
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) pairs.push((1 << i) | (1 << j));
  const visited = new Map<string, LoglinearFit>();
  const fit = (terms: number[]): LoglinearFit => {
    const spec = hierarchicalSpec(t, terms, heterogeneity);
    const known = visited.get(spec.name);
    if (known) return known;
    const f = fitLoglinear(table, spec);
    visited.set(spec.name, f);
    return f;
  };
  const score = (f: LoglinearFit): number =>
    Number.isFinite(f[criterion]) && Number.isFinite(f.abundance) ? f[criterion] : Number.POSITIVE_INFINITY;
  let current: number[] = [];
  let best = score(fit(current));
  for (;;) {
    let next: number[] | null = null;
    for (const pair of pairs) {
      const candidate = current.includes(pair)
        ? current.filter((p) => p !== pair)
        : [...current, pair].sort((a, b) => a - b);
      const s = score(fit(candidate));
      if (s < best - 1e-9) {
        best = s;
        next = candidate;
      }
    }
    if (next === null) break;
    current = next;
  }
  return [...visited.values()]
    .filter((f) => score(f) < Number.POSITIVE_INFINITY)
    .sort((a, b) => a[criterion] - b[criterion]);
}
