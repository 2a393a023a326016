// Internal phoneme tokens, one character each: vowels a e i o u, glide y, consonants
// b v g d z k l m n p r s t f, and Z=ж H=х C=ц c=ч S=ш Q=щ.

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'ye',
  ё: 'ye',
  є: 'ye',
  ж: 'Z',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
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
  х: 'H',
  ц: 'C',
  ч: 'c',
  ш: 'S',
  щ: 'Q',
  ы: 'i',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: 'u',
};

const CYRILLIC_VOWELS = 'аеёєиіїоуыэюя';

// Look-alike letters typed in the wrong script (OCR, mixed keyboards), lower case.
const LATIN_LOOKALIKE_OF: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  ё: 'ë',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  к: 'k',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  м: 'm',
  т: 't',
};
const CYRILLIC_LOOKALIKE_OF: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  ë: 'ё',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  i: 'і',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

/** Counts of Cyrillic and Latin letters in a word. */
export function scriptCounts(word: string): { cyrillic: number; latin: number } {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) latin++;
  }
  return { cyrillic, latin };
}

/** Replace letters of the other script by their look-alikes in the word's main script. */
export function unmixScript(lowerWord: string, cyrillic: boolean): string {
  const table = cyrillic ? CYRILLIC_LOOKALIKE_OF : LATIN_LOOKALIKE_OF;
  let out = '';
  for (let i = 0; i < lowerWord.length; i++) {
    const ch = lowerWord.charAt(i);
    out += table[ch] ?? ch;
  }
  return out;
}

/** Cyrillic word (lower case) to tokens. Soft/hard signs become a glide before a vowel. */
export function cyrillicTokens(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i);
    const mapped = CYRILLIC[ch];
    if (mapped !== undefined) {
      out += mapped;
    } else if (ch === 'ь' || ch === 'ъ' || ch === "'" || ch === '’' || ch === 'ʼ') {
      const next = word.charAt(i + 1);
      if (next !== '' && CYRILLIC_VOWELS.includes(next)) out += 'y';
    }
  }
  return out;
}
