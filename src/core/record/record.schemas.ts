import { z } from 'zod';

/** The record columns that state facts about the person. */
export const FACT_COLUMNS = [
  'surname',
  'given_name',
  'patronymic',
  'full_name',
  'sex',
  'birth_date',
  'age',
  'region',
  'death_date',
  'death_place',
  'category',
  'rank',
  'unit',
] as const;

/** The columns of the record CSV (DESIGN.md): one row per source mention, every value as given. */
export const RECORD_COLUMNS = ['record_id', 'list', 'source_kind', 'source_url', 'published_at', ...FACT_COLUMNS] as const;

export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** A record row as read from a file: every known column optional text, unknown columns kept in `extra`. */
export const recordRowSchema = z.object({
  record_id: z.string().optional(),
  list: z.string().optional(),
  source_kind: z.string().optional(),
  source_url: z.string().optional(),
  published_at: z.string().optional(),
  surname: z.string().optional(),
  given_name: z.string().optional(),
  patronymic: z.string().optional(),
  full_name: z.string().optional(),
  sex: z.string().optional(),
  birth_date: z.string().optional(),
  age: z.string().optional(),
  region: z.string().optional(),
  death_date: z.string().optional(),
  death_place: z.string().optional(),
  category: z.string().optional(),
  rank: z.string().optional(),
  unit: z.string().optional(),
  extra: z.record(z.string(), z.string()).optional(),
});

export type RecordRow = z.infer<typeof recordRowSchema>;

/** Canonical recruitment categories (DESIGN.md). */
export const CATEGORIES = [
  'prisoner',
  'mobilised',
  'volunteer',
  'career',
  'conscript',
  'pmc_wagner',
  'pmc_other',
  'rosgvardia',
  'other_agency',
  'unknown',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Kinds of source (DESIGN.md). */
export const SOURCE_KINDS = [
  'relative_post',
  'local_media',
  'official_statement',
  'grave_photo',
  'insurance_document',
  'court_record',
  'obituary',
  'leaked_registry',
  'foreign_media',
  'enemy_claim',
  'searching_for',
  'other',
] as const;
export const sourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof sourceKindSchema>;

/** Person statuses. */
export const PERSON_STATUSES = ['dead', 'missing', 'captured', 'deserter', 'detained', 'unknown'] as const;
export const personStatusSchema = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof personStatusSchema>;

/** Verification states of a person's death. */
export const VERIFICATION_STATES = ['reported', 'confirmed', 'rejected', 'disputed'] as const;
export const verificationStateSchema = z.enum(VERIFICATION_STATES);
export type VerificationState = z.infer<typeof verificationStateSchema>;
