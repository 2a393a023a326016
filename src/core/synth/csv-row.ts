const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;

/**
 * One CSV line (RFC 4180, with its line break): fields with commas, quotes, line breaks or edge
 * spaces are quoted, quotes doubled.
 * @example csvRow(['Иванов, Иван', '29']) // '"Иванов, Иван",29\n'
 */
export function csvRow(values: readonly string[]): string {
  return values.map((v) => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',') + '\n';
}
