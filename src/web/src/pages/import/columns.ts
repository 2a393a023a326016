import { useCallback } from 'react';
import { FACT_FIELDS } from '../../api/types.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { recordColumnText } from '../../i18n/import.js';
import type { RecordColumn } from './record-columns.js';

export { isRecordColumn, RECORD_COLUMN_LIST, type RecordColumn } from './record-columns.js';

const isFact = (c: RecordColumn): c is (typeof FACT_FIELDS)[number] =>
  (FACT_FIELDS as readonly string[]).includes(c);

/** A record column's name in the interface language, with its code for the people who know the format. */
export function useColumnLabel(): (column: RecordColumn) => string {
  const tf = useT(fieldText);
  const tr = useT(recordColumnText);
  return useCallback((c: RecordColumn) => `${isFact(c) ? tf(c) : tr(c)} (${c})`, [tf, tr]);
}
