import { z } from 'zod';
import { RECORD_COLUMNS } from '../record/record.schemas.js';
import { MappingError } from './mapping-error.js';
import { columnMappingSchema, recordColumnSchema, type ColumnMapping } from './mapping.schemas.js';

function splitFlag(flag: string, what: string): [string, string] {
  const at = flag.lastIndexOf('=');
  if (at <= 0) throw new MappingError(`${what} "${flag}" should look like "Header=column"`);
  return [flag.slice(0, at).trim(), flag.slice(at + 1).trim()];
}

function checkColumn(value: string, flag: string): z.infer<typeof recordColumnSchema> {
  const parsed = recordColumnSchema.safeParse(value);
  if (!parsed.success) {
    throw new MappingError(`--map "${flag}": "${value}" is not a record column (one of ${RECORD_COLUMNS.join(', ')}; leave it empty to ignore the header)`);
  }
  return parsed.data;
}

/**
 * Builds a mapping from CLI flags: `--map "Фамилия=surname"`, `--map "Примечание="` (ignore),
 * `--default "list=mediazona"` (fills empty cells).
 * @example parseMapFlags(['Фамилия=surname']).columns // { 'Фамилия': 'surname' }
 */
export function parseMapFlags(maps: readonly string[], defaults: readonly string[] = []): ColumnMapping {
  const columns: [string, ColumnMapping['columns'][string]][] = [];
  for (const flag of maps) {
    const [header, value] = splitFlag(flag, '--map');
    if (columns.some(([h]) => h === header)) throw new MappingError(`--map names header "${header}" twice`, header);
    columns.push([header, value === '' || value === 'null' ? null : checkColumn(value, flag)]);
  }
  const fills: [string, string][] = [];
  for (const flag of defaults) {
    const [column, value] = splitFlag(flag, '--default');
    fills.push([checkColumn(column, flag), value]);
  }
  return { columns: Object.fromEntries(columns), defaults: Object.fromEntries(fills) };
}

/** Parses a JSON mapping file's text; errors name the key at fault. */
export function parseMappingJson(text: string): ColumnMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MappingError(`mapping file is not valid JSON: ${(error as Error).message}`);
  }
  const columns = (raw as { columns?: unknown } | null)?.columns;
  if (typeof columns === 'object' && columns !== null && Object.hasOwn(columns, '__proto__')) {
    throw new MappingError('mapping file: a header named "__proto__" cannot be mapped', '__proto__');
  }
  const parsed = columnMappingSchema.safeParse(raw);
  if (!parsed.success) throw new MappingError(`mapping file: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  return parsed.data;
}
