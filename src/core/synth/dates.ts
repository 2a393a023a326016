/** A calendar date as three numbers (month 1–12). */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const RU_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RU_PREPOSITIONAL = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01 for a date. */
export function toDays(date: Ymd): number {
  return Math.floor(Date.UTC(date.y, date.m - 1, date.d) / DAY_MS);
}

/** The date a number of days after 1970-01-01. */
export function fromDays(days: number): Ymd {
  const dt = new Date(days * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Parses a strict ISO yyyy-mm-dd date. */
export function parseIso(text: string): Ymd {
  const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
  return { y, m, d };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The ways sources write a date. */
export type DateStyle =
  | 'iso'
  | 'dmy'
  | 'ru_long'
  | 'en_long'
  | 'en_long_uk'
  | 'year'
  | 'month_year'
  | 'ru_month'
  | 'ru_month_no_year'
  | 'en_month';

/**
 * Writes a date in one source style.
 * @example formatDate({ y: 2023, m: 3, d: 12 }, 'ru_long') // '12 марта 2023'
 */
export function formatDate(date: Ymd, style: DateStyle): string {
  const { y, m, d } = date;
  switch (style) {
    case 'iso':
      return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
    case 'dmy':
      return `${pad(d)}.${pad(m)}.${pad(y, 4)}`;
    case 'ru_long':
      return `${d} ${RU_GENITIVE[m - 1] ?? ''} ${y}`;
    case 'en_long':
      return `${EN_MONTHS[m - 1] ?? ''} ${d}, ${y}`;
    case 'en_long_uk':
      return `${d} ${EN_MONTHS[m - 1] ?? ''} ${y}`;
    case 'year':
      return String(y);
    case 'month_year':
      return `${pad(m)}.${y}`;
    case 'ru_month':
      return `в ${RU_PREPOSITIONAL[m - 1] ?? ''} ${y}`;
    case 'ru_month_no_year':
      return `в ${RU_PREPOSITIONAL[m - 1] ?? ''}`;
    case 'en_month':
      return `${EN_MONTHS[m - 1] ?? ''} ${y}`;
  }
}

/** Full years between a birth date and a later date. */
export function ageAt(birth: Ymd, at: Ymd): number {
  const before = at.m < birth.m || (at.m === birth.m && at.d < birth.d);
  return at.y - birth.y - (before ? 1 : 0);
}

/**
 * An age with the Russian word for "years" in the right form.
 * @example ruYears(21) // '21 год'
 */
export function ruYears(age: number): string {
  const tens = age % 100;
  const unit = age % 10;
  if (tens >= 11 && tens <= 14) return `${age} лет`;
  if (unit === 1) return `${age} год`;
  if (unit >= 2 && unit <= 4) return `${age} года`;
  return `${age} лет`;
}
