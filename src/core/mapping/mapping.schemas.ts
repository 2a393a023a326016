import { z } from 'zod';
import { RECORD_COLUMNS } from '../record/record.schemas.js';

export const recordColumnSchema = z.enum(RECORD_COLUMNS);

/**
 * A column mapping, as a JSON mapping file or built from `--map` flags:
 * file header → record column, or `null` to ignore the header; `defaults` fill empty cells.
 */
export const columnMappingSchema = z
  .object({
    columns: z.record(z.string(), recordColumnSchema.nullable()).default({}),
    defaults: z.partialRecord(recordColumnSchema, z.string()).default({}),
  })
  .strict();

export type ColumnMapping = z.infer<typeof columnMappingSchema>;
