import type { RecordColumn } from '../../../../core/record/record.schemas.js';
import { FACT_FIELDS } from '../../api/types.js';

export type { RecordColumn };

/** The record format's columns (docs/records.md), in its order. */
export const RECORD_COLUMN_LIST: readonly RecordColumn[] = [
  'record_id',
  'list',
  'source_kind',
  'source_url',
  'published_at',
  ...FACT_FIELDS,
];

export const isRecordColumn = (v: string): v is RecordColumn =>
  (RECORD_COLUMN_LIST as readonly string[]).includes(v);
