import {
  enumerateHierarchicalModels,
  heterogeneityColumns,
  listsInCell,
  modelName,
  type Heterogeneity,
} from './loglinear-models.js';
import { observedTotal, type PatternTable } from './pattern-table.js';
import { fitPoisson, type Design, type PoissonFit } from './poisson-glm.js';

/** One fitted log-linear model, with Rcapture's columns (abundance, stderr, deviance, df, AIC, BIC). */
export interface LoglinearFit {
  model: string;
  heterogeneity: Heterogeneity;
  abundance: number;
  stderr: number;
  deviance: number;
  df: number;
  aic: number;
  bic: number;
  converged: boolean;
  /** Chao models: heterogeneity (eta) parameters that came out negative and were set to zero. */
  removedEta: number;
}

/** Column functions of a cell bitmask; `nca` leading columns (after the intercept) are not heterogeneity. */
export interface ModelSpec {
  name: string;
  heterogeneity: Heterogeneity;
  columns: ((cell: number) => number)[];
  nca: number;
}

/** Spec for a hierarchical model (main effects + interaction `terms`) with an optional heterogeneity form. */
export function hierarchicalSpec(t: number, terms: readonly number[], h: Heterogeneity = 'none'): ModelSpec {
  const columns: ((cell: number) => number)[] = [];
  for (let j = 0; j < t; j++) columns.push((c) => (c & (1 << j) ? 1 : 0));
  for (const m of terms) columns.push((c) => ((c & m) === m ? 1 : 0));
  const nca = columns.length;
  for (const fn of heterogeneityColumns(h, t)) columns.push((c) => fn(listsInCell(c)));
  const base = modelName(terms, t);
  return { name: h === 'none' ? base : `${base} ${h}`, heterogeneity: h, columns, nca };
}

/** Rcapture's classic models M0, Mt, Mh and Mth (with the given heterogeneity form). */
export function classicSpec(t: number, m: 'M0' | 'Mt' | 'Mh' | 'Mth', h: Heterogeneity = 'none'): ModelSpec {
  if (m === 'Mt') return { ...hierarchicalSpec(t, [], 'none'), name: 'Mt' };
  if (m === 'Mth') return { ...hierarchicalSpec(t, [], h), name: `Mth ${h}` };
  const columns: ((cell: number) => number)[] = [(c) => listsInCell(c)];
  for (const fn of heterogeneityColumns(m === 'M0' ? 'none' : h, t)) columns.push((c) => fn(listsInCell(c)));
  return { name: m === 'M0' ? 'M0' : `Mh ${h}`, heterogeneity: m === 'M0' ? 'none' : h, columns, nca: 1 };
}

/** Design over the observed cells (or all cells, unseen first, for the profile likelihood). */
export function designFor(
  t: number,
  columns: readonly ((cell: number) => number)[],
  withZeroCell: boolean,
): Design {
  const first = withZeroCell ? 0 : 1;
  const rows = (1 << t) - first;
  const cols = 1 + columns.length;
  const x = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const cell = r + first;
    x[r * cols] = 1;
    if (cell === 0) continue;
    columns.forEach((fn, k) => {
      x[r * cols + 1 + k] = fn(cell);
    });
  }
  return { x, rows, cols };
}

/** Fits a spec to counts y over the design's cells, dropping negative Chao eta parameters one by one as Rcapture does. */
export function fitSpec(
  spec: ModelSpec,
  t: number,
  y: ArrayLike<number>,
  withZeroCell: boolean,
): { fit: PoissonFit; removed: number } {
  let columns = spec.columns;
  let removed = 0;
  for (;;) {
    const fit = fitPoisson(y, designFor(t, columns, withZeroCell));
    if (spec.heterogeneity !== 'Chao') return { fit, removed };
    let drop = -1;
    for (let k = spec.nca; k < columns.length; k++) {
      if ((fit.beta[k + 1] ?? 0) < 0) {
        drop = k;
        break;
      }
    }
    if (drop < 0) return { fit, removed };
    columns = columns.filter((_, k) => k !== drop);
    removed++;
  }
}

/** Fits one model to a pattern table: N = n + exp(intercept), Rcapture's stderr, AIC and BIC. */
export function fitLoglinear(table: PatternTable, spec: ModelSpec): LoglinearFit {
  const t = table.lists.length;
  const n = observedTotal(table);
  return summarize(spec, fitSpec(spec, t, table.cells.slice(1), false), n);
}

function summarize(spec: ModelSpec, result: { fit: PoissonFit; removed: number }, n: number): LoglinearFit {
  const { fit, removed } = result;
  const e0 = Math.exp(fit.beta[0] ?? Number.NaN);
  return {
    model: spec.name,
    heterogeneity: spec.heterogeneity,
    abundance: n + e0,
    stderr: Math.sqrt(e0 + e0 * e0 * fit.varIntercept),
    deviance: fit.deviance,
    df: fit.dfResidual,
    aic: fit.aic,
    bic: fit.aic + (Math.log(n) - 2) * fit.rank,
    converged: fit.converged,
    removedEta: removed,
  };
}

export interface RankOptions {
  /** Highest interaction order; default 3 for up to 5 lists (Rcapture's t−1 for 4 lists), else 2. */
  maxOrder?: number;
  heterogeneity?: Heterogeneity;
  criterion?: 'bic' | 'aic';
}

/** Default highest interaction order for t lists. */
export function defaultMaxOrder(t: number): number {
  return t <= 5 ? Math.min(3, t - 1) : 2;
}

/** Fits every hierarchical model and ranks them by BIC (or AIC), best first, as closedpMS.t. */
export function rankLoglinearModels(table: PatternTable, options: RankOptions = {}): LoglinearFit[] {
  const t = table.lists.length;
  const maxOrder = options.maxOrder ?? defaultMaxOrder(t);
  const h = options.heterogeneity ?? 'none';
  const key = options.criterion ?? 'bic';
  const y = table.cells.slice(1);
  const n = observedTotal(table);
  const fits: LoglinearFit[] = [];
  for (const m of enumerateHierarchicalModels(t, maxOrder)) {
    const spec = hierarchicalSpec(t, m.terms, h);
    if (1 + spec.columns.length > y.length) continue;
    fits.push(summarize(spec, fitSpec(spec, t, y, false), n));
  }
  return fits.filter((f) => Number.isFinite(f[key])).sort((a, b) => a[key] - b[key]);
}

/** Rcapture closedp.t's table: M0, Mt, Mh and Mth with Chao, Poisson2, Darroch and Gamma3.5 heterogeneity. */
export function classicModels(table: PatternTable): LoglinearFit[] {
  const t = table.lists.length;
  const hs: Heterogeneity[] = ['Chao', 'Poisson2', 'Darroch', 'Gamma3.5'];
  const specs = [
    classicSpec(t, 'M0'),
    classicSpec(t, 'Mt'),
    ...hs.map((h) => classicSpec(t, 'Mh', h)),
    ...hs.map((h) => classicSpec(t, 'Mth', h)),
  ];
  return specs.map((s) => fitLoglinear(table, s));
}
