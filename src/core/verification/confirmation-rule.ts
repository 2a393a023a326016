import { z } from 'zod';
import { SOURCE_KINDS, sourceKindSchema, type SourceKind } from '../record/record.schemas.js';

/** A written, versioned rule for when a death counts as confirmed. Published with every release. */
export const confirmationRuleSchema = z
  .object({
    version: z.string().min(1).max(50),
    text: z.string().min(1).max(5_000),
    /** Source kinds that can confirm a death on their own. */
    qualifyingKinds: z.array(sourceKindSchema).min(1),
    /** How many distinct qualifying sources a confirmation needs. */
    minQualifyingSources: z.number().int().min(1).max(10),
  })
  .strict();
export type ConfirmationRule = z.infer<typeof confirmationRuleSchema>;

/** Reckon's default rule, after Mediazona / BBC News Russian. */
export const DEFAULT_RULE: ConfirmationRule = {
  version: 'default-1',
  text:
    'A death is confirmed when at least one source of a qualifying kind reports it (a relative\'s post, local media, ' +
    'an official statement, a photo of the grave, an insurance or payment document, or a court record) and an editor ' +
    'who did not enter the record has checked it against that source. Leaked rosters, enemy claims and "searching for" ' +
    'posts alone never confirm a death; such names wait in the backlog for a qualifying source.',
  qualifyingKinds: ['relative_post', 'local_media', 'official_statement', 'grave_photo', 'insurance_document', 'court_record'],
  minQualifyingSources: 1,
};

export interface ConfirmationInput {
  /** Kinds of the sources that report the death. */
  sourceKinds: readonly SourceKind[];
  /** Who entered the record and its claims. */
  authors: readonly string[];
  verifier: string;
}

export type ConfirmationCheck = { ok: true } | { ok: false; reason: string };

/** Whether a verifier may confirm a death under the rule (REV-4EYES: never their own entry). */
export function checkConfirmation(rule: ConfirmationRule, input: ConfirmationInput): ConfirmationCheck {
  if (input.authors.includes(input.verifier)) {
    return { ok: false, reason: 'a verifier cannot confirm a record they entered; a second person must check it' };
  }
  const qualifying = input.sourceKinds.filter((k) => rule.qualifyingKinds.includes(k));
  if (qualifying.length < rule.minQualifyingSources) {
    const kinds = [...new Set(input.sourceKinds)].join(', ') || 'none';
    return {
      ok: false,
      reason: `rule ${rule.version} needs ${rule.minQualifyingSources} qualifying source(s) (${rule.qualifyingKinds.join(', ')}); this record has: ${kinds}`,
    };
  }
  return { ok: true };
}

/** All source kinds, for documentation and validation messages. */
export const ALL_SOURCE_KINDS = SOURCE_KINDS;
