const GOLDEN = (3 - Math.sqrt(5)) / 2;

/** Maximises a unimodal function on [lo, hi] by golden-section search; returns the argmax and value. */
export function maximize(
  f: (x: number) => number,
  lo: number,
  hi: number,
  relTol = 1e-10,
): { x: number; value: number } {
  let a = lo;
  let b = hi;
  let c = a + GOLDEN * (b - a);
  let d = b - GOLDEN * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 300 && b - a > relTol * (Math.abs(a) + Math.abs(b)) + 1e-9; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = a + GOLDEN * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = b - GOLDEN * (b - a);
      fd = f(d);
    }
  }
  return fc >= fd ? { x: c, value: fc } : { x: d, value: fd };
}

/** Root of f on [lo, hi] by bisection, or null when f does not change sign there. */
export function findRoot(f: (x: number) => number, lo: number, hi: number, relTol = 1e-10): number | null {
  let a = lo;
  let b = hi;
  let fa = f(a);
  const fb = f(b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb) || Math.sign(fa) === Math.sign(fb)) return null;
  for (let i = 0; i < 300 && b - a > relTol * (Math.abs(a) + Math.abs(b)) + 1e-9; i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return (a + b) / 2;
}
