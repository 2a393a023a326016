const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Makes a text cell safe to open in a spreadsheet (OWASP / ASVS 1.2.10): a value that would
 * start a formula gets a leading apostrophe. Plain numbers (including negative ones) are left as they are.
 * @example escapeFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function escapeFormula(value: string): string {
  if (value.length === 0) return value;
  if (NUMBER.test(value)) return value;
  return DANGEROUS_FIRST.has(value[0] ?? '') ? `'${value}` : value;
}
