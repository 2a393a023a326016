import { foldTokens, readable } from './fold.js';
import { latinTokens, OTHER_READINGS } from './latin-tokens.js';
import { cyrillicTokens, scriptCounts, unmixScript } from './tokens.js';

/** Folded tokens of one word in any script. */
export function wordTokens(word: string): string {
  const lower = word.toLowerCase();
  const counts = scriptCounts(lower);
  const cyrillic = counts.cyrillic > counts.latin;
  const clean = counts.cyrillic > 0 && counts.latin > 0 ? unmixScript(lower, cyrillic) : lower;
  return foldTokens(cyrillic ? cyrillicTokens(clean) : latinTokens(clean));
}

/** Words of a name part: split on spaces and hyphens, empty pieces dropped. */
export function nameWords(text: string): string[] {
  // NFC only matters when combining marks are present (e + U+0308 → ë)
  return (/[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text)
    .split(/[\s\-‐‑‒–—_,.;/]+/)
    .filter((w) => w.length > 0);
}

/**
 * Spelling-independent key of a text, word by word, with no name dictionary applied.
 * @example surfaceKey('Schtscherbakow') // 'shcherbakov'
 */
export function surfaceKey(text: string): string {
  return nameWords(text)
    .map((w) => readable(wordTokens(w)))
    .filter((w) => w.length > 0)
    .join(' ');
}

/**
 * Keys of a Latin word read under each other spelling system (German, French, Swedish, Polish, ISO,
 * English), for a word whose markers are too few to tell its system ("Asat" is German Азат; "Vjatjeslav"
 * Swedish Вячеслав). Empty for a word in Cyrillic.
 */
export function otherLatinKeys(word: string): string[] {
  const lower = word.toLowerCase();
  const counts = scriptCounts(lower);
  if (counts.cyrillic >= counts.latin) return [];
  return OTHER_READINGS.map((r) => readable(foldTokens(latinTokens(lower, r))));
}
