import { z } from 'zod';
import { FACT_COLUMNS, sourceKindSchema } from '../../core/record/record.schemas.js';

const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'an http(s) URL');

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A source typed in at intake (strict: unknown keys refused). */
export const sourceInputSchema = z.strictObject({
  kind: sourceKindSchema,
  url: httpUrl,
  publisher: optionalText(500),
  published_at: optionalText(100),
  language: optionalText(20),
  excerpt: optionalText(10_000),
  sensitivity: z.enum(['public', 'restricted']).default('public'),
});
export type SourceInput = z.input<typeof sourceInputSchema>;

const factShape = Object.fromEntries(FACT_COLUMNS.map((c) => [c, optionalText(2_000)])) as Record<(typeof FACT_COLUMNS)[number], ReturnType<typeof optionalText>>;

/** The record fields of a claim (the same columns as the record CSV), tied to a source. */
export const claimInputSchema = z.strictObject({ sourceId: z.string().min(1).max(200), ...factShape });
export type ClaimInput = z.input<typeof claimInputSchema>;

/** A source and what the web app may show of it. */
export interface SourceView {
  id: string;
  kind: string;
  url: string | null;
  publisher: string | null;
  published_at: string | null;
  language: string | null;
  excerpt: string | null;
  sensitivity: string;
  created_by: string;
  created_at: string;
  /** Originals; `derivative`: a metadata-free copy exists (GET /api/evidence/:id/derivative). */
  evidence: { id: string; sha256: string; size: number; media_type: string; derivative: boolean }[];
}
