import { boundedMemo } from '../regions/bounded-cache.js';
import { surfaceKey } from '../translit/surface-key.js';
import type { PublicPerson } from './release.schemas.js';

const LATIN_ACCENTED = /[\u00C0-\u024F]/g;

/**
 * Folds text for name search: lower case, ё = е, Latin accents dropped (й is kept).
 * @example foldForSearch('Ёлкин Šimon') // 'елкин simon'
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(LATIN_ACCENTED, (c) => c.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** The search tokens of a text: folded words of letters and digits. */
export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** The folded tokens a person is found by: surname, given name, patronymic (Cyrillic) and the Latin form. */
export function personSearchTokens(p: PublicPerson): string[] {
  const text = [p.surname, p.givenName ?? '', p.patronymic ?? '', p.nameLatin].join(' ');
  return [...new Set(searchTokens(text))].sort();
}

/** True when every query token is the start of one of the person's tokens (an empty query matches nothing). */
export function matchesQuery(queryTokens: readonly string[], personTokens: readonly string[]): boolean {
  if (queryTokens.length === 0) return false;
  return queryTokens.every((q) => personTokens.some((t) => t.startsWith(q)));
}

// Names repeat their words (surnames, given names, patronymics): one key computation per distinct word.
const wordKeys = boundedMemo((word: string): string[] => surfaceKey(word).split(' '), 100_000);

/**
 * Spelling-independent tokens of a text, word by word (core/translit's surface key): "Щербаков", "Shcherbakov"
 * and "Sjtjerbakov" all give "shcherbakov". The search falls back to these when the words as typed find nobody.
 */
export function canonicalTokens(text: string): string[] {
  // The words as written (accents kept: "Ščerbakov" is ISO 9 for Щербаков).
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .flatMap((w) => (w === '' ? [] : wordKeys(w)))
    .filter((t) => t.length > 0);
}
