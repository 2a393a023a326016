import { z } from 'zod';
import { columnMappingSchema, recordColumnSchema, type ColumnMapping } from '../../core/mapping/mapping.schemas.js';
import type { ImportProblem } from './import.schemas.js';

/** A record file uploaded in the browser: 50 MB at most (UPLOAD). */
export const STAGED_MAX_BYTES = 50 * 1024 * 1024;

/** Media types a record file may be uploaded as (the bytes must agree: a ZIP is XLSX, anything else CSV). */
export const STAGED_TYPES = { 'text/csv': 'csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx' } as const;

/** POST /api/imports?name=FILE: the file name shown to reviewers (never used as a path). */
export const uploadQuerySchema = z.strictObject({ name: z.string().trim().min(1).max(200).optional() });

/** POST /api/imports/:id/preview and /commit: how the file's columns map to the record format. */
export const mappingBodySchema = z.strictObject({
  /** Header → record column (null ignores it); headers not named are guessed or kept as extra. Default: the last previewed or the suggested mapping. */
  mapping: columnMappingSchema.optional(),
  /** A column (record column or header) whose equal values mean one person, as `reckon import --person-column`. */
  personColumn: z.string().trim().min(1).max(200).optional(),
});
export type MappingBody = z.infer<typeof mappingBodySchema>;

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const cell = z.string().max(10_000).refine((v) => !CONTROL.test(v), 'a control character');

/** POST /api/imports/:id/rows/:row: correct a row's values, exclude it with a reason, or undo either. */
export const rowDecisionSchema = z.union([
  z.strictObject({ values: z.partialRecord(recordColumnSchema, cell).refine((v) => Object.keys(v).length > 0, 'at least one column') }),
  z.strictObject({ exclude: z.literal(true), reason: z.string().trim().min(3, 'a written reason of at least 3 characters').max(2_000) }),
  z.strictObject({ reset: z.literal(true) }),
]);
export type RowDecision = z.infer<typeof rowDecisionSchema>;

/** GET /api/imports/:id/rows */
export const rowsQuerySchema = z.strictObject({
  /** 1: only rows with problems left (after fixes and exclusions), from the last preview; errors: only rows with an error left; 0: every row. */
  problems: z.enum(['0', '1', 'errors']).default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** GET /api/queues/imports */
export const stagedQueueQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The counts of a preview (the CLI's --dry-run), plus the reviewers' work. */
export interface PreviewCounts {
  rows: number;
  persons: number;
  claims: number;
  errors: number;
  warnings: number;
  excluded: number;
  fixed: number;
  /** Rows that still have a problem (error or warning), and how many of them have an error (these block commit). */
  problemRows: number;
  errorRows: number;
}

/** A staged import as the API shows it. */
export interface StagedImportView {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  sha256: string;
  state: 'staged' | 'committed' | 'discarded';
  createdBy: string;
  createdAt: string;
  /** The header row as read. */
  columns: string[];
  /** Up to five data rows, as text cells under `columns`. */
  sample: string[][];
  /** The mapping the automatic header guesses give (a start for the user), and why it is incomplete if it is. */
  suggested: ColumnMapping;
  suggestedProblem: string | null;
  /** The mapping of the last preview, if any. */
  mapping: ColumnMapping | null;
  personColumn: string | null;
  preview: PreviewCounts | null;
  importId: string | null;
}

/** A preview's answer: its counts and the first problems (each naming its row and column). */
export interface PreviewResult extends PreviewCounts {
  problems: ImportProblem[];
}

/** One row of a staged file as a reviewer sees it. */
export interface StagedRowView {
  row: number;
  record: Record<string, unknown>;
  problems: ImportProblem[];
  fix: { values: Record<string, string>; by: string; at: string } | null;
  excluded: { reason: string; by: string; at: string } | null;
}
