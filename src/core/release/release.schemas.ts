import { z } from 'zod';
import { categorySchema } from '../record/record.schemas.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');

/** A partial date as the sources give it: original text, precision and the interval it covers. */
export const partialDateSchema = z.object({
  text: z.string().max(200),
  precision: z.enum(['day', 'month', 'year', 'range', 'unknown']),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
});
export type PartialDate = z.infer<typeof partialDateSchema>;

/** ISO 3166-2 subdivision code (e.g. RU-MOS, UA-43) or one of the FOREIGN / UNKNOWN buckets. */
export const regionCodeSchema = z.union([z.literal('FOREIGN'), z.literal('UNKNOWN'), z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)]);

export const RANK_CLASSES = ['officer', 'nco', 'enlisted', 'unknown'] as const;
export const rankClassSchema = z.enum(RANK_CLASSES);
export type RankClass = z.infer<typeof rankClassSchema>;

/** Only http(s) links reach public output: no javascript:, data: or file: URLs. */
const publicUrlSchema = z
  .string()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s<>"']+$/i.test(u), 'expected an http(s) URL');

/**
 * The ALLOWLIST of public fields of a confirmed person. `z.object` strips every other key, so
 * private fields (source authors, contributors, witness or restricted notes) cannot pass through.
 */
export const publicPersonSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a stable id of letters, digits, - or _'),
  surname: z.string().min(1).max(200),
  givenName: z.string().max(200).nullable(),
  patronymic: z.string().max(200).nullable(),
  nameLatin: z.string().max(400),
  sex: z.enum(['male', 'female', 'unknown']),
  birthDate: partialDateSchema.nullable(),
  ageAtDeath: z.number().int().min(0).max(130).nullable(),
  region: regionCodeSchema,
  category: categorySchema,
  rank: z.string().max(200).nullable(),
  rankClass: rankClassSchema,
  unit: z.string().max(400).nullable(),
  deathDate: partialDateSchema.nullable(),
  deathDateFromSource: z.boolean(),
  sources: z.array(publicUrlSchema).max(50),
  firstConfirmedAt: isoDate,
});
export type PublicPerson = z.infer<typeof publicPersonSchema>;

/** What a previous release is compared against: its date and its public persons. */
export const releaseSnapshotSchema = z.object({
  date: isoDate,
  persons: z.array(publicPersonSchema),
});
export type ReleaseSnapshot = z.infer<typeof releaseSnapshotSchema>;

/** The audit log checkpoint published with a release (AUD-CHECKPOINT); the audit layer signs it. */
export const checkpointSchema = z.object({
  size: z.number().int().nonnegative(),
  rootHash: z.string().max(200),
  signature: z.string().max(2000),
  keyId: z.string().max(200),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const estimateSchema = z.object({
  method: z.string().max(200),
  estimate: z.number().nonnegative(),
  lower: z.number().nonnegative(),
  upper: z.number().nonnegative(),
  date: isoDate,
  assumptions: z.array(z.string().max(2000)),
});
export type Estimate = z.infer<typeof estimateSchema>;

/** Everything a release is cut from. Same input → byte-identical site. */
export const releaseInputSchema = z.object({
  date: isoDate,
  persons: z.array(publicPersonSchema),
  note: z.string().max(200_000),
  rule: z.object({ version: z.string().min(1).max(100), text: z.string().max(50_000) }),
  previous: releaseSnapshotSchema.nullable(),
  checkpoint: checkpointSchema.nullable(),
  estimate: estimateSchema.nullable().optional(),
  /** Optional reason per person id for the diff (e.g. the verification decision's reason). */
  reasons: z.record(z.string(), z.string().max(2000)).optional(),
});
export type ReleaseInput = z.infer<typeof releaseInputSchema>;
