import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { confirmationRuleSchema, DEFAULT_RULE, type ConfirmationRule } from './core/verification/confirmation-rule.js';

/** Environment settings, parsed once. */
export const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  RECKON_RULE: z.string().optional(),
});

/** The confirmation rule in force: a JSON file (--rule or RECKON_RULE) or the built-in default. */
export function loadConfirmationRule(path: string | undefined = envSchema.parse(process.env).RECKON_RULE): ConfirmationRule {
  if (path === undefined || path === '') return DEFAULT_RULE;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`confirmation rule ${path}: ${(error as Error).message}`);
  }
  const parsed = confirmationRuleSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`confirmation rule ${path}: ${z.prettifyError(parsed.error).replaceAll('\n', '; ')}`);
  return parsed.data;
}
