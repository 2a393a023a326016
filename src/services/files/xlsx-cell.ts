/** Prints a number as a person typed it: 15 significant digits (Excel's precision), no float noise. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const exact = String(value);
  const rounded = String(Number(value.toPrecision(15)));
  return rounded.length < exact.length ? rounded : exact;
}

/** Prints a date cell as ISO 8601: a date alone when there is no time of day. */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** The text of an exceljs cell value: rich text joined, hyperlinks by their text, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  const v = value as { richText?: unknown; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
  if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('text' in v) return cellText(v.text);
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result);
  if (typeof v.error === 'string') return v.error;
  return '';
}
