/** Result of a Cholesky factorisation that skips (aliases) columns with no information. */
export interface Cholesky {
  /** Lower-triangular factor, row-major p×p; rows/columns of aliased parameters are zero. */
  l: Float64Array;
  aliased: Uint8Array;
  rank: number;
}

/**
 * Cholesky factorisation of a symmetric positive semi-definite p×p matrix (row-major).
 * A column whose remaining pivot is negligible is marked aliased and left out, as R's glm does.
 */
export function cholesky(a: Float64Array, p: number, tol = 1e-10): Cholesky {
  const l = new Float64Array(p * p);
  const aliased = new Uint8Array(p);
  let rank = 0;
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j] ?? 0;
    for (let k = 0; k < j; k++) d -= (l[j * p + k] ?? 0) ** 2;
    const scale = Math.abs(a[j * p + j] ?? 0);
    if (!(d > tol * scale) || scale === 0) {
      aliased[j] = 1;
      continue;
    }
    const s = Math.sqrt(d);
    l[j * p + j] = s;
    rank++;
    for (let i = j + 1; i < p; i++) {
      let v = a[i * p + j] ?? 0;
      for (let k = 0; k < j; k++) v -= (l[i * p + k] ?? 0) * (l[j * p + k] ?? 0);
      l[i * p + j] = v / s;
    }
  }
  return { l, aliased, rank };
}

/** Solves (L Lᵀ) x = b for the non-aliased parameters; aliased entries of x are 0. */
export function cholSolve(ch: Cholesky, b: Float64Array, p: number): Float64Array {
  const { l, aliased } = ch;
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    if (aliased[i]) continue;
    let v = b[i] ?? 0;
    for (let k = 0; k < i; k++) v -= (l[i * p + k] ?? 0) * (y[k] ?? 0);
    y[i] = v / (l[i * p + i] ?? 1);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    if (aliased[i]) continue;
    let v = y[i] ?? 0;
    for (let k = i + 1; k < p; k++) v -= (l[k * p + i] ?? 0) * (x[k] ?? 0);
    x[i] = v / (l[i * p + i] ?? 1);
  }
  return x;
}

/** Diagonal element (i, i) of the inverse of L Lᵀ (non-aliased part). */
export function cholInverseDiag(ch: Cholesky, p: number, i: number): number {
  const e = new Float64Array(p);
  e[i] = 1;
  return cholSolve(ch, e, p)[i] ?? Number.NaN;
}
