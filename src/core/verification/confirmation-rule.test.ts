import { describe, expect, it } from 'vitest';
import { checkConfirmation, confirmationRuleSchema, DEFAULT_RULE } from './confirmation-rule.js';

describe('checkConfirmation under the default rule', () => {
  it('confirms a death reported by a relative\'s post and checked by a second person', () => {
    expect(checkConfirmation(DEFAULT_RULE, { sourceKinds: ['relative_post'], authors: ['anna'], verifier: 'boris' })).toEqual({ ok: true });
  });
  it('refuses the author confirming their own entry (REV-4EYES)', () => {
    const r = checkConfirmation(DEFAULT_RULE, { sourceKinds: ['grave_photo'], authors: ['anna'], verifier: 'anna' });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/second person/) as unknown });
  });
  it.each([['leaked_registry'], ['enemy_claim'], ['searching_for']] as const)('never confirms on %s alone', (kind) => {
    const r = checkConfirmation(DEFAULT_RULE, { sourceKinds: [kind, kind], authors: ['anna'], verifier: 'boris' });
    expect(r.ok).toBe(false);
  });
  it('rejects a rule file that names an unknown source kind', () => {
    expect(confirmationRuleSchema.safeParse({ ...DEFAULT_RULE, qualifyingKinds: ['rumour'] }).success).toBe(false);
  });
});
