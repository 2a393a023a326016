import type { Explanation } from '../../api/types.js';

// The arithmetic of the duplicate-review page, kept apart from React so it is tested on its own.

/** The review page of a pair (keeping whether unsure pairs are in the queue). */
export const pairPath = (pairId: string, unsure: boolean): string =>
  `/queues/duplicates/${encodeURIComponent(pairId)}${unsure ? '?unsure=1' : ''}`;

/** A probability as a percentage with one decimal: 0.9734 → "97.3"; never rounded up to 100 or down to 0. */
export function percent(p: number): string {
  if (p > 0.999 && p < 1) return '>99.9';
  if (p > 0 && p < 0.001) return '<0.1';
  return (Math.round(p * 1000) / 10).toFixed(1);
}

/** Bits with their sign: 3.14 → "+3.1", -0.05 → "−0.1" (a true minus sign). */
export const bits = (w: number): string => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(1)}`;

/** Bars of a waterfall: each step spans from the running total before it to the one after, on one scale. */
export function waterfallBars(e: Explanation): { start: number; end: number }[] {
  let run = 0;
  const steps = [e.priorWeight, ...e.terms.map((term) => term.weight)].map((w) => {
    const start = run;
    run += w;
    return { start, end: run };
  });
  return [...steps, { start: 0, end: e.weight }];
}
