import type { PartialDate } from './release.schemas.js';

const DAY_MS = 86_400_000;

function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * The ISO 8601 week of a yyyy-mm-dd date.
 * @example isoWeek('2023-01-01') // '2022-W52'
 */
export function isoWeek(iso: string): string {
  const d = utcDay(iso);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (yyyy-mm-dd) that starts the ISO week containing a date. */
export function weekMonday(iso: string): string {
  const d = utcDay(iso);
  const weekday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** Every ISO week from the one holding `first` to the one holding `last`, in order. */
export function weeksBetween(first: string, last: string): string[] {
  const out: string[] = [];
  const end = utcDay(weekMonday(last)).getTime();
  for (let t = utcDay(weekMonday(first)).getTime(); t <= end; t += 7 * DAY_MS) {
    out.push(isoWeek(new Date(t).toISOString().slice(0, 10)));
  }
  return out;
}

/** Every month (yyyy-mm) from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const endKey = last.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The ISO week a death falls in, or null when the date is too vague to place in one week. */
export function deathWeek(date: PartialDate | null): string | null {
  if (date?.from == null || date.to == null) return null;
  const week = isoWeek(date.from);
  return isoWeek(date.to) === week ? week : null;
}

/** The month (yyyy-mm) a death falls in, or null when the date spans more than one month. */
export function deathMonth(date: PartialDate | null): string | null {
  if (date?.from == null || date.to == null) return null;
  const month = date.from.slice(0, 7);
  return date.to.slice(0, 7) === month ? month : null;
}
