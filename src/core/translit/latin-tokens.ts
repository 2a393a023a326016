// Latin spellings from many systems to the internal tokens of tokens.ts.
// The same letters mean different sounds across systems (ch = ч in English, х in German,
// ш in French), so each word is first read for the markers of a system.

interface Modes {
  iso: boolean; // ISO 9, scholarly, Czech: diacritics
  fr: boolean;
  de: boolean;
  sv: boolean;
  pl: boolean;
  j: boolean; // j used as a glide (German, Swedish, Polish, ISO)
  voiced?: boolean; // German s and sch read as з and ж (only as an alternative reading)
}

const SPECIALS: readonly (readonly [RegExp, string])[] = [
  [/šč|ŝ/g, 'Q'],
  [/š/g, 'S'],
  [/[žż]/g, 'Z'],
  [/č/g, '4'], // placeholder: a plain c would read as ц in ISO mode
  [/[ëö]/g, 'yo'],
  [/[âä]/g, 'ya'],
  [/[ûü]/g, 'yu'],
  [/[èéêě]/g, 'e'],
  [/[ïìíî]/g, 'i'],
  [/ł/g, 'l'],
  [/ß/g, 's'],
];

const ISO_MARKS = /[šžčŝâûèěʹʺǎŭ]/; // not ë: BGN/PCGN uses it too
const APOSTROPHES = /['’‘`´"”“ʹʺʼ·]/g;

function detectModes(word: string): Modes {
  const fr = /ou|tch|gu[eiy]|^ie|ï|[^aeiou]ine$/.test(word);
  const pl = /sz|cz|ł/.test(word) || (word.includes('w') && /[^aeiouy]ie/.test(word));
  const iso = ISO_MARKS.test(word);
  const de = !pl && !fr && /w|tz|tsch/.test(word);
  const sv = !fr && !de && /sj|zj|^tj|tj$/.test(word);
  const j = !fr && word.includes('j');
  return { iso, fr, de, sv, pl, j };
}

const VOWELS = 'aeiouy';
// щ in German, English, French, Swedish, Polish, and a rarer English form; longest first
const SHCH = ['schtsch', 'shtsh', 'chtch', 'shch', 'sjtj', 'szcz'];

function rule(word: string, i: number, m: Modes): [string, number] {
  const ch = word.charAt(i);
  for (const cluster of SHCH) if (word.startsWith(cluster, i)) return ['Q', cluster.length];
  if (word.startsWith('tsch', i)) return ['c', 4];
  if (word.startsWith('sch', i)) return [m.voiced ? 'Z' : 'S', 3]; // German; English writes щ as shch
  if (m.voiced && ch === 's' && !word.startsWith('ss', i) && !word.startsWith('ss', i - 1)) return ['z', 1];
  if (word.startsWith('tch', i)) return ['c', 3];
  if (word.startsWith('dzh', i)) return ['dZ', 3];
  if (word.startsWith('ch', i)) return [m.fr ? 'S' : m.de || m.sv || m.pl || m.iso || m.j ? 'H' : 'c', 2];
  if (word.startsWith('kh', i)) return ['H', 2];
  if (word.startsWith('zh', i) || word.startsWith('zj', i)) return ['Z', 2];
  if (word.startsWith('sh', i) || word.startsWith('sz', i) || (!m.de && word.startsWith('sj', i)))
    return ['S', 2];
  if (word.startsWith('cz', i)) return ['c', 2];
  if (m.pl && word.startsWith('rz', i)) return ['Z', 2];
  const afterTj = word.charAt(i + 2);
  // Swedish tj is ч (and -tjov is -чёв); German/Polish tja, tjo, tje, tju are тя, тё, тье, тю
  if (
    word.startsWith('tj', i) &&
    (i === 0 || m.sv || afterTj === '' || !VOWELS.includes(afterTj) || /^tjova?$/.test(word.slice(i)))
  )
    return ['c', 2];
  if (word.startsWith('tsh', i)) return ['tS', 3]; // тш (Mukhametshin)
  if (word.startsWith('ts', i) || word.startsWith('tz', i)) return ['C', 2];
  if (m.fr && word.startsWith('dj', i)) return ['dZ', 2];
  if (word.startsWith('ph', i)) return ['f', 2];
  if (word.startsWith('th', i)) return ['t', 2];
  if (word.startsWith('ck', i) && !m.iso && !m.pl && !m.j) return ['k', 2];
  if (word.startsWith('ou', i)) return ['u', 2];
  if (m.fr && word.startsWith('gu', i) && 'eiy'.includes(word.charAt(i + 2))) return ['g', 2];
  switch (ch) {
    case 'h':
      return [m.iso || m.j || m.sv || m.de ? 'H' : 'g', 1];
    case 'j':
      return [m.fr ? 'Z' : 'y', 1];
    case 'c': {
      // ISO/Polish c is ц; elsewhere a lone c before a consonant is k (Victor)
      const next = word.charAt(i + 1);
      return [m.iso || m.pl || i === 0 || next === '' || VOWELS.includes(next) ? 'C' : 'k', 1];
    }
    case 'z':
      return [m.de ? 'C' : 'z', 1];
    case 'x': {
      // scholarly x is х; elsewhere кс (Maxim, Xenia), but кс never precedes a consonant
      const next = word.charAt(i + 1);
      return [m.iso || (next !== '' && !VOWELS.includes(next)) ? 'H' : 'ks', 1];
    }
    case 'w':
      return ['v', 1];
    case 'q':
      return ['k', 1];
    case '4':
      return ['c', 1];
    default:
      return [/[a-z]/.test(ch) || 'QSZ'.includes(ch) ? ch : '', 1];
  }
}

/** How a Latin word is read: the system its own markers suggest, or one system forced. */
export type LatinReading = 'detected' | 'english' | 'german' | 'german-voiced' | 'french' | 'swedish' | 'polish' | 'iso';

function forcedModes(word: string, reading: LatinReading): Modes {
  const none: Modes = { iso: false, fr: false, de: false, sv: false, pl: false, j: false };
  const hasJ = word.includes('j');
  switch (reading) {
    case 'detected':
      return detectModes(word);
    case 'english':
      return none;
    case 'german':
      return { ...none, de: true, j: hasJ };
    case 'german-voiced':
      return { ...none, de: true, j: hasJ, voiced: true };
    case 'french':
      return { ...none, fr: true };
    case 'swedish':
      return { ...none, sv: true, j: hasJ };
    case 'polish':
      return { ...none, pl: true, j: hasJ };
    case 'iso':
      return { ...none, iso: true, j: hasJ };
  }
}

/** The readings other than the detected one, for a word whose detected reading gives no known name. */
export const OTHER_READINGS: readonly LatinReading[] = ['english', 'german', 'german-voiced', 'french', 'swedish', 'polish', 'iso'];

/** Latin word (lower case) to tokens, read as its markers suggest or under one forced system. */
export function latinTokens(lowerWord: string, reading: LatinReading = 'detected'): string {
  const modes = forcedModes(lowerWord, reading);
  let word = lowerWord.replace(APOSTROPHES, '');
  if (/[^a-z]/.test(word)) {
    for (const [re, to] of SPECIALS) word = word.replace(re, to);
    // any other accent: strip it
    word = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  if (modes.fr && word.endsWith('ine')) word = word.slice(0, -1); // Poutine, Ioudine
  let out = '';
  let i = 0;
  while (i < word.length) {
    const [tok, len] = rule(word, i, modes);
    out += tok;
    i += len;
  }
  return out;
}
