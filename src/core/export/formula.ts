const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;

/** True when a spreadsheet could read the text as a formula, after any apostrophes we added. */
function needsEscape(value: string): boolean {
  if (value.length === 0 || NUMBER.test(value)) return false;
  let i = 0;
  // Text that already starts with apostrophes before a formula character is escaped too, so that
  // unescapeFormula can tell our apostrophe from one the source really had: the pair is a bijection.
  while (value[i] === "'") i++;
  return DANGEROUS_FIRST.has(value[i] ?? '');
}

/**
 * Makes a text cell safe to open in a spreadsheet (OWASP / ASVS 1.2.10): a value that would
 * start a formula gets a leading apostrophe. Plain numbers (including negative ones) are left as they are.
 * @example escapeFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function escapeFormula(value: string): string {
  return needsEscape(value) ? `'${value}` : value;
}

/**
 * Undoes escapeFormula exactly: for every string s, unescapeFormula(escapeFormula(s)) === s.
 * Used when re-importing Reckon's own exports.
 * @example unescapeFormula("'=1+1") // "=1+1"
 */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && needsEscape(value.slice(1)) ? value.slice(1) : value;
}
