import { cholesky, cholInverseDiag, cholSolve } from './linalg.js';
import { lgamma } from './special.js';

/** A design matrix: `rows` × `cols`, row-major; column 0 is the intercept. */
export interface Design {
  x: Float64Array;
  rows: number;
  cols: number;
}

export interface PoissonFit {
  beta: Float64Array;
  mu: Float64Array;
  deviance: number;
  /** Number of estimable parameters (R's `rank`). */
  rank: number;
  dfResidual: number;
  /** R's glm AIC: −2 Σ log dpois(y, μ) + 2·rank. */
  aic: number;
  /** Unscaled variance of the intercept, (XᵀWX)⁻¹[0,0]. */
  varIntercept: number;
  converged: boolean;
  iterations: number;
}

function devianceOf(y: ArrayLike<number>, mu: Float64Array): number {
  let dev = 0;
  for (let i = 0; i < mu.length; i++) {
    const yi = y[i] ?? 0;
    const mi = mu[i] ?? 0;
    dev += 2 * ((yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi));
  }
  return dev;
}

function updateFit(
  x: Float64Array,
  n: number,
  p: number,
  beta: Float64Array,
  eta: Float64Array,
  mu: Float64Array,
  y: ArrayLike<number>,
): number {
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let a = 0; a < p; a++) e += (x[i * p + a] ?? 0) * (beta[a] ?? 0);
    eta[i] = e;
    mu[i] = Math.exp(e);
  }
  return devianceOf(y, mu);
}

/**
 * Fits a Poisson log-linear model by iteratively reweighted least squares, following R's
 * glm.fit conventions (start μ = y + 0.1, convergence |Δdev|/(|dev| + 0.1) < 1e-8).
 */
export function fitPoisson(y: ArrayLike<number>, design: Design, maxit = 50): PoissonFit {
  const { x, rows: n, cols: p } = design;
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] ?? 0) + 0.1;
    eta[i] = Math.log(mu[i] ?? 1);
  }
  let devOld = devianceOf(y, mu);
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  let beta: Float64Array = new Float64Array(p);
  let ch = cholesky(xtwx, p);
  let converged = false;
  let dev = devOld;
  let iter = 0;
  for (iter = 1; iter <= maxit; iter++) {
    xtwx.fill(0);
    xtwz.fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i] ?? 0;
      const z = (eta[i] ?? 0) + ((y[i] ?? 0) - w) / w;
      const row = i * p;
      for (let a = 0; a < p; a++) {
        const xa = x[row + a] ?? 0;
        if (xa === 0) continue;
        const wxa = w * xa;
        xtwz[a] = (xtwz[a] ?? 0) + wxa * z;
        for (let b = 0; b <= a; b++) xtwx[a * p + b] = (xtwx[a * p + b] ?? 0) + wxa * (x[row + b] ?? 0);
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtwx[a * p + b] = xtwx[b * p + a] ?? 0;
    ch = cholesky(xtwx, p);
    const previous = beta;
    beta = cholSolve(ch, xtwz, p);
    dev = updateFit(x, n, p, beta, eta, mu, y);
    // as R's glm.fit: halve the step while the deviance is not finite
    for (let half = 0; !Number.isFinite(dev) && iter > 1 && half < 30; half++) {
      for (let a = 0; a < p; a++) beta[a] = ((beta[a] ?? 0) + (previous[a] ?? 0)) / 2;
      dev = updateFit(x, n, p, beta, eta, mu, y);
    }
    if (!Number.isFinite(dev)) break;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) {
      converged = true;
      break;
    }
    devOld = dev;
  }
  let ll = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] ?? 0;
    const mi = mu[i] ?? 0;
    ll += (yi > 0 ? yi * Math.log(mi) : 0) - mi - lgamma(yi + 1);
  }
  return {
    beta,
    mu,
    deviance: dev,
    rank: ch.rank,
    dfResidual: n - ch.rank,
    aic: -2 * ll + 2 * ch.rank,
    varIntercept: cholInverseDiag(ch, p, 0),
    converged,
    iterations: Math.min(iter, maxit),
  };
}
