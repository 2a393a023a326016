/** A date broken into parts (0 = unknown part) with the day interval it covers (days since 1970-01-01). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  lo: number;
  hi: number;
}

const DAY_MS = 86_400_000;

function dayIndex(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function build(year: number, month: number, day: number): DateParts | null {
  if (!Number.isFinite(year) || year < 1 || year > 9999) return null;
  const m = month >= 1 && month <= 12 ? month : 0;
  const d = m > 0 && day >= 1 && day <= 31 ? day : 0;
  if (m === 0) return { year, month: 0, day: 0, lo: dayIndex(year, 1, 1), hi: dayIndex(year, 12, 31) };
  if (d === 0) return { year, month: m, day: 0, lo: dayIndex(year, m, 1), hi: dayIndex(year, m + 1, 0) };
  const idx = dayIndex(year, m, d);
  return { year, month: m, day: d, lo: idx, hi: idx };
}

/**
 * Reads a date in a common machine form: yyyymmdd, yyyy-mm-dd, yyyy/mm/dd, dd.mm.yyyy, dd/mm/yyyy,
 * mm.yyyy, yyyy-mm or yyyy. Returns null when nothing date-like is found.
 * @example parseDateParts('12.03.1994') // { year: 1994, month: 3, day: 12, ... }
 */
export function parseDateParts(text: string): DateParts | null {
  const t = text.trim();
  if (t === '') return null;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t) ?? /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), 0);
  m = /^(\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return build(Number(m[2]), Number(m[1]), 0);
  m = /^(\d{4})$/.exec(t);
  if (m) return build(Number(m[1]), 0, 0);
  return null;
}

/** The day interval of an ISO-like bound (yyyy, yyyy-mm or yyyy-mm-dd), or null. */
export function boundInterval(text: string | undefined): { lo: number; hi: number } | null {
  if (text === undefined || text.trim() === '') return null;
  const parts = parseDateParts(text);
  return parts ? { lo: parts.lo, hi: parts.hi } : null;
}
