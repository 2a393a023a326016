import { z } from 'zod';

export const importOptionsSchema = z.object({
  actor: z.string().min(1),
  fileName: z.string().min(1),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean().default(false),
  /** A column (record column or extra) whose equal values mean "the same person", e.g. a newsroom's own person id. */
  personColumn: z.string().min(1).optional(),
  /** Rows per insert batch. */
  batchSize: z.number().int().min(1).max(10_000).default(500),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

export interface ImportProblem {
  row: number;
  column: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ImportSummary {
  importId: string | null;
  dryRun: boolean;
  rows: number;
  persons: number;
  sources: number;
  claims: number;
  errors: number;
  warnings: number;
  /** The first problems found (at most 1,000), each naming its row and column. */
  problems: ImportProblem[];
}
