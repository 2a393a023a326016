const DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/shch|sch/g, 's'],
  [/zh|sh|ts|tz|ch|c/g, 's'],
  [/kh|ck|x/g, 'k'],
  [/ph/g, 'f'],
];

const CLASS: Readonly<Record<string, string>> = {
  b: 'p', p: 'p', d: 't', t: 't', z: 's', s: 's', v: 'f', f: 'f', w: 'f', g: 'k', k: 'k', q: 'k', h: 'k',
  m: 'n', n: 'n', l: 'l', r: 'r',
};

/**
 * A coarse sound key of a canonical ASCII name: voiced and unvoiced consonants fold together, vowels after
 * the first letter drop, repeats collapse; so a typo like "Смирнов"/"Смерноф" or т/д, с/з, в/ф keeps the key.
 * @example phoneticKey('smirnov') === phoneticKey('smernof') // 'snrf'
 */
export function phoneticKey(asciiName: string): string {
  let s = asciiName.toLowerCase().replace(/[^a-z]/g, '');
  if (s === '') return '';
  for (const [re, to] of DIGRAPHS) s = s.replace(re, to);
  const first = s[0] ?? '';
  let out = CLASS[first] ?? (/[aeiouyj]/.test(first) ? 'a' : first);
  let last = out;
  for (let i = 1; i < s.length; i++) {
    const ch = s[i] ?? '';
    const cls = CLASS[ch];
    if (cls === undefined) {
      last = '';
      continue;
    }
    if (cls !== last) out += cls;
    last = cls;
  }
  return out;
}
