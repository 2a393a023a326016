import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { PatternTableError } from '../../core/estimate/pattern-table.js';

/** Header and rows of a CSV text; BOM and blank lines ignored. */
export function parseCsvText(text: string, what: string): { header: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new PatternTableError(`the ${what} is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new PatternTableError(`the ${what} is empty`);
  return { header, rows };
}

/** Reads a CSV file, then builds a value from its header and rows; errors are prefixed with the path. */
export async function readCsvFile<T>(
  path: string,
  what: string,
  build: (header: string[], rows: string[][]) => T,
): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PatternTableError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    const { header, rows } = parseCsvText(text, what);
    return build(header, rows);
  } catch (error) {
    if (error instanceof PatternTableError) throw new PatternTableError(`${path}: ${error.message}`);
    throw error;
  }
}
