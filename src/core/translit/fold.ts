// Folding of token strings into the key: removes the differences that spelling systems
// do not agree on (iotation, soft signs, doubled letters, -ий/-ый/-ой endings, ё).

const READABLE: Readonly<Record<string, string>> = { Z: 'zh', H: 'kh', C: 'ts', c: 'ch', S: 'sh', Q: 'shch' };

function collapseDoubles(t: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t.charAt(i);
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

/** Fold one word's tokens into its key form (tokens, not yet readable). */
export function foldTokens(tokens: string): string {
  let t = tokens;
  if (t.includes('ts')) t = t.replace(/ts/g, 'C'); // тс = ц
  if (t.includes('c')) t = t.replace(/[szS]c/g, 'Q'); // сч/зч/шч = щ in speech
  t = collapseDoubles(t);
  if (t.includes('ou')) t = t.replace(/ou/g, 'u'); // French ou; Cyrillic оу is too rare to keep apart
  if (t.includes('i')) t = t.replace(/i(?=[aeiou])/g, 'y'); // ICAO/French ia, iu, ie, io
  if (t.includes('y')) {
    t = t.replace(/y+/g, 'y');
    t = t.replace(/iy(?=[aeou])/g, 'y'); // -ия / -ья / Maria
    t = t.replace(/y[eo]/g, 'e'); // е and ё, whatever the glide
    t = t.replace(/yi/g, 'i');
    t = t.replace(/y(?![au])/g, 'i');
  }
  t = collapseDoubles(t);
  // -ов/-ев/-ёв and feminines: Горбачёв/Gorbatschow, Ковалёв/Kovalov (Ukrainian), -eff/-off
  return t.replace(/[oe][vf](a?)$/, 'ov$1');
}

/** Readable ASCII form of folded tokens. */
export function readable(tokens: string): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const ch = tokens.charAt(i);
    out += READABLE[ch] ?? ch;
  }
  return out;
}
