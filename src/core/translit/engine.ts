import type { SchemeDefinition } from './translit.schemas.js';

/** A compiled scheme: letter, previous-letter, next-letter and ending tables with case variants. */
export interface CompiledScheme {
  readonly name: string;
  readonly letters: ReadonlyMap<string, string>;
  readonly prev: ReadonlyMap<string, string>;
  readonly next: ReadonlyMap<string, string>;
  readonly endings: ReadonlyMap<string, string>;
}

// The data files carry Cyrillic ё (U+0451) where the standards print Latin ë (U+00EB);
// output Latin so that transliterated text is pure Latin.
const CYRILLIC_YO = /\u0451/g;
const LATIN_E_DIAERESIS = '\u00EB';

function capitalize(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

function latinOut(value: string): string {
  return value.replace(CYRILLIC_YO, LATIN_E_DIAERESIS);
}

/** Compile an iuliia JSON definition into lookup tables, with the same case rules as iuliia. */
export function compileScheme(def: SchemeDefinition): CompiledScheme {
  const letters = new Map<string, string>();
  const prev = new Map<string, string>();
  const next = new Map<string, string>();
  const endings = new Map<string, string>();
  for (const [k, raw] of Object.entries(def.mapping)) {
    const v = latinOut(raw);
    letters.set(k, v);
    letters.set(capitalize(k), capitalize(v));
  }
  for (const [k, raw] of Object.entries(def.prev_mapping)) {
    const v = latinOut(raw);
    prev.set(k, v);
    prev.set(capitalize(k), v);
    prev.set(k.toUpperCase(), capitalize(v));
  }
  for (const [k, raw] of Object.entries(def.next_mapping)) {
    const v = latinOut(raw);
    next.set(k, v);
    next.set(capitalize(k), capitalize(v));
    next.set(k.toUpperCase(), capitalize(v));
  }
  for (const [k, raw] of Object.entries(def.ending_mapping)) {
    const v = latinOut(raw);
    endings.set(k, v);
    endings.set(k.toUpperCase(), v.toUpperCase());
  }
  return { name: def.name, letters, prev, next, endings };
}

// Words are runs of anything but whitespace and punctuation (JS \b does not know Cyrillic).
const SPLITTER = /([^\s,.:;?!()"']+)|([\s,.:;?!()"'])+/g;

function translateLetters(word: string, scheme: CompiledScheme): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const curr = word.charAt(i);
    const prevCh = i > 0 ? word.charAt(i - 1) : '';
    const nextCh = i < word.length - 1 ? word.charAt(i + 1) : '';
    out +=
      scheme.prev.get(prevCh + curr) ?? scheme.next.get(curr + nextCh) ?? scheme.letters.get(curr) ?? curr;
  }
  return out;
}

function translateWord(word: string, scheme: CompiledScheme): string {
  if (word.length > 2) {
    const ending = scheme.endings.get(word.slice(-2));
    if (ending !== undefined && ending !== '') return translateLetters(word.slice(0, -2), scheme) + ending;
  }
  return translateLetters(word, scheme);
}

/** Transliterate Cyrillic text word by word with a compiled scheme (iuliia's algorithm). */
export function applyScheme(text: string, scheme: CompiledScheme): string {
  let out = '';
  for (const m of text.matchAll(SPLITTER)) out += translateWord(m[0], scheme);
  return out;
}
