import { daysInMonth, isValidDay, isoDay, minusYears, plusDays } from './calendar.js';
import { prepareDateText, tokenizeDate, tokensToParts } from './date-tokens.js';
import type { DateParts, DateToken } from './date-tokens.js';
import { parseSeasonOrDecade } from './season-decade.js';

/** A date known to some precision; `from`/`to` are the earliest and latest ISO days it allows (null when unknown). */
export interface PartialDate {
  text: string;
  precision: 'day' | 'month' | 'year' | 'range' | 'unknown';
  from: string | null;
  to: string | null;
}

/** Longer texts are not dates; they are kept but not parsed (bounded work on hostile input). */
const MAX_DATE_TEXT = 120;

/** The two commonest spellings, read without tokenising. */
const FAST_ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const FAST_DMY = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;

function fastDay(text: string): DateParts | null {
  const iso = FAST_ISO.exec(text);
  if (iso !== null) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dmy = FAST_DMY.exec(text);
  if (dmy !== null) return { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) };
  return null;
}

const SPACES = /\s+/g;

const RANGE_WORDS = new Set(['по', 'до', 'to', 'until', 'till', 'through', 'and']);
const RANGE_OPENERS = new Set(['с', 'со', 'от', 'from', 'between']);

function unknown(text: string): PartialDate {
  return { text, precision: 'unknown', from: null, to: null };
}

/** First and last ISO day a complete set of parts allows; null when the parts are not a real date. */
function span(p: DateParts): [string, string, PartialDate['precision']] | null {
  const { year, month, day } = p;
  if (year === null) return null;
  if (month === null) {
    if (day !== null || !isValidDay(year, 1, 1)) return null;
    return [isoDay(year, 1, 1), isoDay(year, 12, 31), 'year'];
  }
  if (day === null) {
    if (!isValidDay(year, month, 1)) return null;
    return [isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month)), 'month'];
  }
  if (!isValidDay(year, month, day)) return null;
  const iso = isoDay(year, month, day);
  return [iso, iso, 'day'];
}

function isSeparator(token: DateToken): boolean {
  return (
    (token.kind === 'punct' && token.text === '-') || (token.kind === 'word' && RANGE_WORDS.has(token.text))
  );
}

/** Completes the sides of a range from each other ("12–15 марта 2023", "март–апрель 2023", "1994–95"). */
function completeRange(left: DateParts, right: DateParts): [DateParts, DateParts] {
  const leftYear = left.year;
  const rightNumber = right.day;
  const leftYearOnly = leftYear !== null && left.month === null && left.day === null;
  if (leftYearOnly && rightNumber !== null && right.year === null && right.month === null) {
    let year = Math.floor(leftYear / 100) * 100 + rightNumber;
    if (year < leftYear) year += 100;
    return [left, { year, month: null, day: null }];
  }
  const month = left.month ?? (left.day !== null ? right.month : null);
  return [{ year: left.year ?? right.year, month, day: left.day }, right];
}

function parseRange(tokens: readonly DateToken[], text: string): PartialDate | null {
  const first = tokens[0];
  const body = first?.kind === 'word' && RANGE_OPENERS.has(first.text) ? tokens.slice(1) : tokens;
  for (let i = 1; i < body.length - 1; i++) {
    const token = body[i];
    if (token === undefined || !isSeparator(token)) continue;
    const leftParts = tokensToParts(body.slice(0, i));
    const rightParts = tokensToParts(body.slice(i + 1));
    if (leftParts === null || rightParts === null) continue;
    const [l, r] = completeRange(leftParts, rightParts);
    const a = span(l);
    const b = span(r);
    if (a === null || b === null) continue;
    const from = a[0] < b[0] ? a[0] : b[0];
    const to = a[1] > b[1] ? a[1] : b[1];
    const precision = from === to ? 'day' : 'range';
    return { text, precision, from, to };
  }
  return null;
}

/**
 * Parses a date as sources write it: ISO, dd.mm.yyyy, mm.yyyy, yyyy, Russian/Ukrainian/English month
 * words, ranges ("1994–1995", "с 12 по 15 марта 2023"). Never throws; the text is kept as given.
 * @example parsePartialDate('в марте 2023 г.') // { precision: 'month', from: '2023-03-01', to: '2023-03-31', ... }
 */
export function parsePartialDate(text: string): PartialDate {
  if (text.length > MAX_DATE_TEXT) return unknown(text);
  const fast = fastDay(text);
  if (fast !== null) {
    const day = span(fast);
    return day === null ? unknown(text) : { text, precision: 'day', from: day[0], to: day[1] };
  }
  const prepared = prepareDateText(text);
  const special = parseSeasonOrDecade(prepared.replace(SPACES, ' '));
  if (special !== null) return { text, precision: special[2], from: special[0], to: special[1] };
  const tokens = tokenizeDate(prepared);
  const single = tokensToParts(tokens);
  const whole = single === null ? null : span(single);
  if (whole !== null) return { text, precision: whole[2], from: whole[0], to: whole[1] };
  return parseRange(tokens, text) ?? unknown(text);
}

const AGE_WORD =
  /^(?:лет|год|года|годов|г|л|years?|yrs?|y|o|yo|old|aged?|возраст|возрасте|в|летн\p{L}*|year)$/u;
const MAX_AGE = 125;

/** Reads "29", "29 лет", "29 years", "29 y.o.", "29-летний", "29–30 лет" as [min, max] age; null otherwise. */
export function parseAge(ageText: string): [number, number] | null {
  if (ageText.length > MAX_DATE_TEXT) return null;
  const ages: number[] = [];
  for (const token of tokenizeDate(prepareDateText(ageText))) {
    if (token.kind === 'num') {
      if (token.text.length > 3 || ages.length === 2) return null;
      ages.push(token.value);
    } else if (
      token.kind === 'word' ? !AGE_WORD.test(token.text) : !['.', ',', '-', '~'].includes(token.text)
    ) {
      return null;
    }
  }
  const low = ages[0];
  const high = ages[1] ?? low;
  if (low === undefined || high === undefined || low > high || high > MAX_AGE) return null;
  return [low, high];
}

/**
 * Birth dates possible for a person of the given age on the reference date: aged A on day D means born
 * between D−(A+1)y+1d and D−Ay. Null when the age or the reference cannot be read.
 * @example ageToBirthRange('29 лет', '2023-03-12') // { from: '1993-03-13', to: '1994-03-12', precision: 'range', ... }
 */
export function ageToBirthRange(ageText: string, reference: PartialDate | string): PartialDate | null {
  const age = parseAge(ageText);
  const ref = typeof reference === 'string' ? parsePartialDate(reference) : reference;
  if (age === null || ref.from === null || ref.to === null) return null;
  const from = plusDays(minusYears(ref.from, age[1] + 1), 1);
  const to = minusYears(ref.to, age[0]);
  const wholeYear = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
  return { text: ageText, precision: wholeYear ? 'year' : 'range', from, to };
}
