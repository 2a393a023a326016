import { patternTableFromRows, type PatternTable } from '../../core/estimate/pattern-table.js';
import { parseCsvText, readCsvFile } from './csv-file.js';

/** Parses pattern-table CSV text (header, one 0/1 column per list, a final count column). */
export function parsePatternCsv(text: string): PatternTable {
  const { header, rows } = parseCsvText(text, 'pattern file');
  return patternTableFromRows(header, rows, 2);
}

/** Reads and checks a pattern-table CSV file. */
export async function readPatternFile(path: string): Promise<PatternTable> {
  return readCsvFile(path, 'pattern file', (header, rows) => patternTableFromRows(header, rows, 2));
}
