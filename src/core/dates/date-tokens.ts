import { MONTH_WORDS } from './month-words.js';

/** One lexical piece of a date text: a run of digits, a run of letters, or one punctuation mark. */
export type DateToken =
  | { kind: 'num'; text: string; value: number }
  | { kind: 'word'; text: string }
  | { kind: 'punct'; text: string };

/** Words that carry no date information ("г.", "года", "in", "the", "около", "погиб"...). */
const NOISE_WORDS = new Set([
  'в',
  'во',
  'г',
  'гг',
  'год',
  'года',
  'году',
  'годов',
  'годах',
  'р',
  'рожд',
  'рождения',
  'около',
  'примерно',
  'приблизительно',
  'ориентировочно',
  'ок',
  'числа',
  'дата',
  'смерти',
  'гибели',
  'погиб',
  'погибла',
  'умер',
  'умерла',
  'родился',
  'родилась',
  'го',
  'on',
  'in',
  'of',
  'the',
  'about',
  'around',
  'approx',
  'approximately',
  'circa',
  'ca',
  'st',
  'nd',
  'rd',
  'th',
  'born',
  'died',
  'killed',
  'date',
  'year',
]);

/** Punctuation dropped everywhere: brackets and quotes around a date. */
const DROPPED_PUNCT = new Set(['(', ')', '[', ']', '"', '«', '»', "'", '„', '“', '”']);

const LETTER = /\p{L}/u;
const TOKEN = /\d+|\p{L}+|[^\s\p{L}\d]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const ISO_DATETIME =
  /^(\d{4}-\d{2}-\d{2})[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Lowercases, folds ё→е and dash variants, drops an ISO time part. */
export function prepareDateText(text: string): string {
  const s = text.toLowerCase().replaceAll('ё', 'е').replace(DASHES, '-').trim();
  const iso = ISO_DATETIME.exec(s);
  return iso?.[1] ?? s;
}

/** Splits a prepared date text into tokens, dropping noise words and brackets. */
export function tokenizeDate(prepared: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const match of prepared.matchAll(TOKEN)) {
    const text = match[0];
    const first = text.charCodeAt(0);
    if (first >= 48 && first <= 57) tokens.push({ kind: 'num', text, value: Number(text) });
    else if (text.length > 1 || LETTER.test(text)) {
      if (!NOISE_WORDS.has(text)) tokens.push({ kind: 'word', text });
    } else if (!DROPPED_PUNCT.has(text)) tokens.push({ kind: 'punct', text });
  }
  return tokens;
}

/** Year, month and day as far as a text gives them; null where it does not. */
export interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

const Y = /^(\d{4})$/;
const YM = /^(\d{4})([-./])(\d{1,2})$/;
const YMD = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/;
const DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})$/;
const MY = /^(\d{1,2})([-./])(\d{4})$/;
const DM = /^(\d{1,2})\.(\d{1,2})\.?$/;
const D = /^(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Two-digit years: 00–30 are read as 2000–2030, 31–99 as 1931–1999. */
export function expandTwoDigitYear(yy: number): number {
  return yy <= 30 ? 2000 + yy : 1900 + yy;
}

function parts(year: number | null, month: number | null, day: number | null): DateParts {
  return { year, month, day };
}

function parseNumeric(tokens: readonly DateToken[]): DateParts | null {
  let compact = '';
  let previous: DateToken['kind'] | null = null;
  for (const token of tokens) {
    if (token.kind === 'num' && previous === 'num') return null;
    compact += token.text;
    previous = token.kind;
  }
  let m: RegExpExecArray | null;
  if ((m = Y.exec(compact))) return parts(Number(m[1]), null, null);
  if ((m = YM.exec(compact))) return parts(Number(m[1]), Number(m[3]), null);
  if ((m = YMD.exec(compact))) return parts(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = DMY.exec(compact))) {
    const y = m[4] ?? '';
    return parts(y.length === 2 ? expandTwoDigitYear(Number(y)) : Number(y), Number(m[3]), Number(m[1]));
  }
  if ((m = MY.exec(compact))) return parts(Number(m[3]), Number(m[1]), null);
  if ((m = COMPACT.exec(compact))) return parts(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = DM.exec(compact))) return parts(null, Number(m[2]), Number(m[1]));
  if ((m = D.exec(compact))) return parts(null, null, Number(m[1]));
  return null;
}

function parseWords(tokens: readonly DateToken[]): DateParts | null {
  const shape: ('D' | 'Y' | 'M')[] = [];
  const values: number[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct') {
      if (token.text === '.' || token.text === ',' || token.text === '-' || token.text === '/') continue;
      return null;
    }
    if (token.kind === 'word') {
      const month = MONTH_WORDS.get(token.text);
      if (month === undefined) return null;
      shape.push('M');
      values.push(month);
    } else {
      if (token.text.length === 4) shape.push('Y');
      else if (token.text.length <= 2) shape.push('D');
      else return null;
      values.push(token.value);
    }
  }
  const [a = 0, b = 0, c = 0] = values;
  switch (shape.join('')) {
    case 'DMY':
      return parts(c, b, a);
    case 'MDY':
      return parts(c, a, b);
    case 'YMD':
      return parts(a, b, c);
    case 'MY':
      return parts(b, a, null);
    case 'YM':
      return parts(a, b, null);
    case 'DM':
      return parts(null, b, a);
    case 'MD':
      return parts(null, a, b);
    case 'M':
      return parts(null, a, null);
    default:
      return null;
  }
}

function isEdgePunct(token: DateToken | undefined): boolean {
  return token?.kind === 'punct' && (token.text === '.' || token.text === ',');
}

/** Reads year/month/day from tokens; a part missing from the text is null. Null when the tokens are not a date. */
export function tokensToParts(input: readonly DateToken[]): DateParts | null {
  let tokens = input;
  let start = 0;
  let end = tokens.length;
  while (start < end && isEdgePunct(tokens[start])) start++;
  while (end > start && isEdgePunct(tokens[end - 1])) end--;
  if (end - start === 0 || end - start > 12) return null;
  if (start > 0 || end < tokens.length) tokens = tokens.slice(start, end);
  return tokens.some((t) => t.kind === 'word') ? parseWords(tokens) : parseNumeric(tokens);
}
