/**
 * A rough spelling-insensitive skeleton of one name word, so "Дмитрий", "Dmitry", "Dmitriy" and "Dmitrii"
 * fold together. Used only to recognise given names, never stored.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
  ү: 'u',
  ө: 'o',
  һ: 'h',
  ң: 'n',
  ә: 'a',
};

const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/x/g, 'ks'],
  [/kh/g, 'h'],
  [/tz/g, 'ts'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/[yj]/g, 'i'],
  [/^ie/, 'e'],
  [/([aeiou])ie/g, '$1e'],
  [/(.)\1+/g, '$1'],
  [/[^a-z]/g, ''],
];

/** Lowercased Cyrillic → Latin, one simple letter mapping (Latin letters pass through). */
export function roughLatin(lower: string): string {
  let latin = '';
  for (const ch of lower) latin += CYRILLIC_TO_LATIN[ch] ?? ch;
  return latin;
}

/** Folds a lowercased name word (Cyrillic or Latin) into its skeleton. */
export function nameSkeleton(lowerWord: string): string {
  let latin = roughLatin(lowerWord);
  for (const [pattern, replacement] of FOLDS) latin = latin.replace(pattern, replacement);
  return latin;
}
