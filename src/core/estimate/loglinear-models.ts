/** Rcapture's heterogeneity forms: none, Chao's lower bound, Poisson (θ = 2), Darroch, Gamma (θ = 3.5). */
export type Heterogeneity = 'none' | 'Chao' | 'Poisson2' | 'Darroch' | 'Gamma3.5';

/** A hierarchical log-linear model: its interaction terms (bitmasks of lists, order ≥ 2), hierarchy closed. */
export interface HierarchicalModel {
  terms: number[];
  name: string;
}

function popcount(m: number): number {
  let c = 0;
  for (let v = m; v; v &= v - 1) c++;
  return c;
}

function digits(mask: number, t: number): string {
  let s = '';
  for (let j = 0; j < t; j++) if (mask & (1 << j)) s += t > 9 ? `${j + 1}.` : String(j + 1);
  return s;
}

/** Rcapture-style model name from its terms, e.g. `[123,14,34]`; the independence model is `[1,2,3,4]`. */
export function modelName(terms: readonly number[], t: number): string {
  const all = [...terms];
  for (let j = 0; j < t; j++) all.push(1 << j);
  const generators = all.filter((a) => !all.some((b) => b !== a && (a & b) === a));
  generators.sort((a, b) => popcount(b) - popcount(a) || (digits(a, t) < digits(b, t) ? -1 : 1));
  return `[${generators.map((g) => digits(g, t)).join(',')}]`;
}

function termsOfOrder(t: number, order: number): number[] {
  const out: number[] = [];
  for (let m = 1; m < 1 << t; m++) if (popcount(m) === order) out.push(m);
  return out;
}

/** Parses a model name such as `[123,14,34]` into its hierarchy-closed interaction terms. */
export function parseModelName(name: string, t: number): number[] {
  const body = name.trim().replace(/^\[/, '').replace(/\]$/, '');
  const gens = body.length === 0 ? [] : body.split(',');
  const terms = new Set<number>();
  for (const g of gens) {
    let mask = 0;
    for (const ch of g.trim()) {
      const j = Number(ch) - 1;
      if (!Number.isInteger(j) || j < 0 || j >= t)
        throw new Error(`model ${name}: "${ch}" is not a list number from 1 to ${t}`);
      mask |= 1 << j;
    }
    for (let sub = mask; sub; sub = (sub - 1) & mask) if (popcount(sub) >= 2) terms.add(sub);
  }
  return [...terms].sort((a, b) => a - b);
}

/**
 * Every hierarchical log-linear model with all main effects and interactions up to `maxOrder`
 * (Rcapture's closedpMS.t set). For 5 lists and maxOrder 2 this is the 1,024 graphical models.
 */
export function enumerateHierarchicalModels(t: number, maxOrder: number): HierarchicalModel[] {
  const byOrder: number[][] = [];
  for (let k = 2; k <= maxOrder; k++) byOrder.push(termsOfOrder(t, k));
  const out: HierarchicalModel[] = [];
  const chosen = new Set<number>();
  const recurse = (level: number): void => {
    const candidates = byOrder[level];
    if (candidates === undefined) {
      const terms = [...chosen].sort((a, b) => a - b);
      out.push({ terms, name: modelName(terms, t) });
      return;
    }
    const allowed = candidates.filter((m) => {
      if (level === 0) return true;
      for (let j = 0; j < t; j++) if (m & (1 << j) && !chosen.has(m & ~(1 << j))) return false;
      return true;
    });
    const total = 1 << allowed.length;
    for (let s = 0; s < total; s++) {
      const picked = allowed.filter((_, i) => s & (1 << i));
      for (const m of picked) chosen.add(m);
      if (picked.length === 0) {
        // no term of this order: higher orders are impossible, so the model ends here
        const terms = [...chosen].sort((a, b) => a - b);
        out.push({ terms, name: modelName(terms, t) });
      } else recurse(level + 1);
      for (const m of picked) chosen.delete(m);
    }
  };
  recurse(0);
  return out;
}

/** Extra design columns for a heterogeneity form, as functions of the number of lists a cell is on. */
export function heterogeneityColumns(h: Heterogeneity, t: number): ((f: number) => number)[] {
  switch (h) {
    case 'none':
      return [];
    case 'Darroch':
      return [(f) => (f * f) / 2];
    case 'Poisson2':
      return [(f) => 2 ** f - 1];
    case 'Gamma3.5':
      return [(f) => -Math.log(3.5 + f) + Math.log(3.5)];
    case 'Chao': {
      const cols: ((f: number) => number)[] = [];
      for (let j = 3; j <= t; j++) cols.push((f) => Math.max(f - j + 1, 0));
      return cols;
    }
  }
}

/** Number of lists a cell (bitmask) is on. */
export function listsInCell(cell: number): number {
  return popcount(cell);
}
