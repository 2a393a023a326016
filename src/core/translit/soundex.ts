import daitchMokotoff from 'talisman/phonetics/daitch-mokotoff.js';
import { surfaceKey } from './surface-key.js';

const MEMO_LIMIT = 200_000;
const memo = new Map<string, readonly string[]>();

/**
 * Daitch–Mokotoff Soundex codes of the canonical (spelling-independent) form of a name,
 * sorted; several words give the union of their codes. Empty input gives [].
 * @example dmSoundex('Щербаков') // ['297570'], the same as dmSoundex('Schtscherbakow')
 */
export function dmSoundex(text: string): string[] {
  let codes = memo.get(text);
  if (codes === undefined) {
    const words = surfaceKey(text)
      .split(' ')
      .filter((w) => w.length > 0);
    codes = [...new Set(words.flatMap((w) => daitchMokotoff(w)))].sort();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, codes);
  }
  return [...codes];
}
