import { roughLatin } from '../names/name-skeleton.js';

/**
 * Folds the spellings foreign press uses for Russian place names (English, German, French, Dutch,
 * Polish: Jekaterinburg, Tscheljabinsk, Oufa, Krasnoiarsk, Kasan, Rostow) to one rough key. Lossy on
 * purpose; used only for Latin texts nothing else matched, and a key two regions share is dropped.
 */
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/schtsch|shch|sch|tsch|tch|tsj|zh|sh|sz|cz|rz|ch|sj|zj|ż/g, 'S'],
  [/kh/g, 'h'],
  [/ou/g, 'u'],
  [/gu(?=[ei])/g, 'g'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/ts|tz|c/g, 'C'],
  [/z/g, 's'],
  [/[yjï]/g, 'i'],
  [/(^| )ie/g, '$1e'],
  [/(.)\1+/g, '$1'],
  [/[^a-zA-Z ]/g, ''],
];

/** Rough cross-language key of already folded words (nameKey-style, lowercase). */
export function fuzzyRegionKey(words: readonly string[]): string {
  let key = words.map(roughLatin).join(' ');
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  return key.trim();
}

/** Spelling habits that clash with the default folding: German/Polish "ch" = х, French "j" = ж, Swedish "tj" = ч. */
const VARIANTS: readonly (readonly (readonly [RegExp, string])[])[] = [
  [],
  [[/(?<![stc])ch/g, 'kh']],
  [[/j/g, 'zh']],
  [
    [/(?<![stc])ch/g, 'kh'],
    [/sjtj/g, 'shch'],
    [/tj/g, 'ch'],
    [/sj/g, 'sh'],
  ],
];

/** The fuzzy keys a Latin text may mean, most likely first. */
export function fuzzyRegionKeys(words: readonly string[]): string[] {
  const original = words.join(' ');
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const variant of VARIANTS) {
    let text = original;
    for (const [pattern, replacement] of variant) text = text.replace(pattern, replacement);
    if (seen.has(text)) continue;
    seen.add(text);
    keys.push(fuzzyRegionKey(text.split(' ')));
  }
  return keys;
}
