import type { Explanation } from '../linkage/explain.js';
import type { LinkageModel } from '../linkage/settings.schemas.js';

/** How many pseudo-observations the unsupervised estimate of m counts for against reviewers' labels. */
export const PRIOR_STRENGTH = 20;

/**
 * Sharpens a model's m probabilities with reviewers' "same person" decisions: for each comparison, the share
 * of labelled matches at each level, blended with the EM estimate (a Dirichlet prior of PRIOR_STRENGTH).
 * u stays as estimated from random pairs, which labels of a few hundred pairs cannot improve on.
 */
export function sharpenWithLabels(model: LinkageModel, matches: readonly Explanation[]): LinkageModel {
  if (matches.length === 0) return model;
  const m = model.settings.comparisons.map((c, ci) => {
    const levels = model.m[ci] ?? [];
    const counts = levels.map(() => 0);
    let n = 0;
    for (const e of matches) {
      const term = e.terms.find((t) => t.comparison === c.name);
      if (term === undefined || term.level < 0 || term.level >= counts.length) continue;
      counts[term.level] = (counts[term.level] ?? 0) + 1;
      n++;
    }
    return levels.map((p, l) => Math.max(1e-6, (p * PRIOR_STRENGTH + (counts[l] ?? 0)) / (PRIOR_STRENGTH + n)));
  });
  return { ...model, m };
}
