import {
  PATRONYMIC_PARTICLES,
  detectScript,
  isAllCaps,
  isInitials,
  isKnownGivenName,
  looksLikeSurname,
  patronymicStrength,
  splitInitials,
} from './name-parts.js';

/** A full name split into its parts; `asGiven` is the input exactly, the parts are substrings of it. */
export interface SplitName {
  asGiven: string;
  surname: string | null;
  given: string | null;
  patronymic: string | null;
  script: 'cyrillic' | 'latin' | 'mixed';
}

/** Longer texts are not one person's name; they are kept but not split (bounded work on hostile input). */
const MAX_NAME_TEXT = 300;
const WHITESPACE = /\s+/u;
const HAS_LETTER = /\p{L}/u;
const TRAILING_PUNCT = /[,;:]+$/;
/** Bracketed notes ("(1990 г.р.)", "[погиб]") are not part of a name. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/g;

interface Token {
  text: string;
  lower: string;
  initial: boolean;
  caps: boolean;
  patronymic: number;
}

function toTokens(words: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (const word of words) {
    const lower = word.toLowerCase().replaceAll('ё', 'е');
    const previous = tokens.at(-1);
    if (previous !== undefined && PATRONYMIC_PARTICLES.has(lower)) {
      tokens[tokens.length - 1] = {
        ...previous,
        text: `${previous.text} ${word}`,
        lower: `${previous.lower} ${lower}`,
        patronymic: 2,
      };
    } else if (isInitials(word)) {
      for (const piece of splitInitials(word))
        tokens.push({ text: piece, lower: piece.toLowerCase(), initial: true, caps: false, patronymic: 0 });
    } else {
      tokens.push({
        text: word,
        lower,
        initial: false,
        caps: isAllCaps(word),
        patronymic: patronymicStrength(lower),
      });
    }
  }
  return tokens;
}

function join(tokens: readonly Token[]): string | null {
  return tokens.length === 0 ? null : tokens.map((t) => t.text).join(' ');
}

function result(
  asGiven: string,
  script: SplitName['script'],
  surname: string | null,
  given: string | null,
  patronymic: string | null,
): SplitName {
  return { asGiven, surname, given, patronymic, script };
}

/** Index of the patronymic, or -1: "Иванов Иван Иванович" → 2, "Иван Иванович Бабич" → 1, "Роман Абрамович" → -1. */
function patronymicIndex(tokens: readonly Token[]): number {
  const n = tokens.length;
  const allCaps = tokens.every((t) => t.caps);
  const minimum = n === 2 ? 2 : n >= 3 ? 0.5 : Infinity;
  const candidates: number[] = [];
  for (let i = 1; i < n; i++) {
    const t = tokens[i];
    if (t !== undefined && t.patronymic >= minimum && (allCaps || !t.caps)) candidates.push(i);
  }
  if (candidates.length === 0) return -1;
  const last = n - 1;
  if (candidates.includes(last) && !candidates.includes(last - 1)) return last;
  return candidates[0] ?? -1;
}

function surnameFirstScore(first: Token, second: Token): number {
  let score = 0;
  if (first.caps && !second.caps) score += 3;
  if (second.caps && !first.caps) score -= 3;
  if (isKnownGivenName(second.lower)) score += 2;
  if (isKnownGivenName(first.lower)) score -= 2;
  if (looksLikeSurname(first.lower)) score += 1;
  if (looksLikeSurname(second.lower)) score -= 1;
  return score;
}

function splitWithoutPatronymic(
  asGiven: string,
  script: SplitName['script'],
  tokens: readonly Token[],
): SplitName {
  const n = tokens.length;
  const first = tokens[0];
  const lastToken = tokens[n - 1];
  if (first === undefined || lastToken === undefined) return result(asGiven, script, null, null, null);
  if (n === 1) {
    // a lone word is a given name when listed, or when nothing about it says surname (a family's post: "Саид")
    const givenOnly = !first.caps && (isKnownGivenName(first.lower) || !looksLikeSurname(first.lower));
    return givenOnly
      ? result(asGiven, script, null, first.text, null)
      : result(asGiven, script, first.text, null, null);
  }
  const caps = tokens.filter((t) => t.caps);
  if (caps.length === 1 && caps[0] !== undefined) {
    const surname = caps[0];
    return result(asGiven, script, surname.text, join(tokens.filter((t) => t !== surname)), null);
  }
  const score = surnameFirstScore(first, lastToken);
  const surnameFirst = score > 0 || (score === 0 && script !== 'latin');
  return surnameFirst
    ? result(asGiven, script, first.text, join(tokens.slice(1)), null)
    : result(asGiven, script, lastToken.text, join(tokens.slice(0, -1)), null);
}

function splitTokens(asGiven: string, script: SplitName['script'], tokens: readonly Token[]): SplitName {
  const initials = tokens.filter((t) => t.initial);
  const words = tokens.filter((t) => !t.initial);
  if (initials.length > 0 && words.length === 1) {
    return result(
      asGiven,
      script,
      words[0]?.text ?? null,
      initials[0]?.text ?? null,
      join(initials.slice(1)),
    );
  }
  const p = patronymicIndex(tokens);
  if (p < 0) return splitWithoutPatronymic(asGiven, script, tokens);
  const patronymic = tokens[p]?.text ?? null;
  if (p === tokens.length - 1) {
    const before = tokens.slice(0, p);
    if (before.length === 1) return result(asGiven, script, null, before[0]?.text ?? null, patronymic);
    return result(asGiven, script, join(before.slice(0, -1)), before.at(-1)?.text ?? null, patronymic);
  }
  return result(asGiven, script, join(tokens.slice(p + 1)), join(tokens.slice(0, p)), patronymic);
}

/**
 * Splits a full name written in any usual order into surname, given name and patronymic (Cyrillic or
 * Latin). The parts keep their spelling as given; only the decision uses folded forms.
 * @example splitFullName('Иван Иванович ИВАНОВ') // { surname: 'ИВАНОВ', given: 'Иван', patronymic: 'Иванович', ... }
 */
export function splitFullName(text: string): SplitName {
  const script = detectScript(text.length > MAX_NAME_TEXT ? text.slice(0, MAX_NAME_TEXT) : text);
  if (text.length > MAX_NAME_TEXT) return result(text, script, null, null, null);
  const cleaned = text.replace(BRACKETED, ' ');
  const comma = cleaned.indexOf(',');
  const before = nameWords(comma >= 0 ? cleaned.slice(0, comma) : cleaned);
  const [surname] = before;
  if (comma >= 0 && before.length === 1 && surname !== undefined) {
    const after = cleaned.slice(comma + 1);
    const next = after.indexOf(',');
    const rest = toTokens(nameWords(next >= 0 ? after.slice(0, next) : after));
    const given = rest[0]?.text ?? null;
    const tail = rest.slice(1);
    const patronymicLike = script !== 'latin' || tail.some((t) => t.patronymic > 0);
    return result(
      text,
      script,
      surname,
      patronymicLike ? given : join(rest),
      patronymicLike ? join(tail) : null,
    );
  }
  // "Иванов Иван Иванович, 1990 г.р.": what follows the comma is not part of the name
  const words = before.length > 0 ? before : nameWords(cleaned);
  return splitTokens(text, script, toTokens(words));
}

/** Words of a name: whitespace-separated pieces that contain a letter (drops "1990", "—"). */
function nameWords(part: string): string[] {
  return part
    .split(WHITESPACE)
    .map((w) => w.replace(TRAILING_PUNCT, ''))
    .filter((w) => HAS_LETTER.test(w));
}

const MARKS_EXCEPT_BREVE = /(?!\u0306)\p{M}/gu;
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
/** Printable ASCII and the basic Russian alphabet: no accents to strip, so no Unicode normalisation needed. */
const PLAIN = /^[\x20-\x7E\u0401\u0410-\u044F\u0451]*$/;

/** nameKey for lowercased ASCII/Russian text: one pass over char codes, no regex. */
function plainKey(lower: string): string {
  let key = '';
  let pendingSpace = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const word =
      (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f) || c === 0x451;
    if (!word) {
      pendingSpace = key !== '';
      continue;
    }
    if (pendingSpace) key += ' ';
    pendingSpace = false;
    key += c === 0x451 ? 'е' : lower.charAt(i);
  }
  return key;
}

/**
 * Comparison key for a name: lowercase, ё→е (й kept), accents dropped, punctuation and whitespace folded
 * to single spaces. For matching only; the as-given text is never replaced by it.
 * @example nameKey('  Алёна-Мария  ПЕТРОВА ') // 'алена мария петрова'
 */
export function nameKey(text: string): string {
  if (PLAIN.test(text)) return plainKey(text.toLowerCase());
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(MARKS_EXCEPT_BREVE, '')
    .normalize('NFC')
    .replace(NON_WORD, ' ')
    .trim();
}
