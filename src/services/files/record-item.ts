import type { RecordRow } from '../../core/record/record.schemas.js';
import type { RowProblem } from './record-file-error.js';

/** One data row of a record file: its spreadsheet row number, the record, and the problems found in it. */
export interface RecordItem {
  row: number;
  record: RecordRow;
  problems: RowProblem[];
}
