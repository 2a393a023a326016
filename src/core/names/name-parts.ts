import { EXTRA_LATIN_GIVEN, GIVEN_NAMES_CYRILLIC, SURNAMES_WITHOUT_SUFFIX } from './given-names.js';
import { givenAliases } from '../translit/name-aliases.js';
import { surfaceKey } from '../translit/surface-key.js';
import { nameSkeleton } from './name-skeleton.js';
import { boundedMemo } from '../regions/bounded-cache.js';

/** Turkic patronymic particles written as a separate word ("Мамед оглы", "Aliyev Elchin Mamed oglu"). */
export const PATRONYMIC_PARTICLES = new Set([
  'оглы',
  'оглу',
  'улы',
  'уулу',
  'кызы',
  'гызы',
  'кизи',
  'ogly',
  'oglu',
  'ogli',
  'uly',
  'uulu',
  'kyzy',
  'gyzy',
  'qizi',
  'kizi',
]);

const FEMALE_PATRONYMIC = /(?:овна|евна|ична|инична|івна|ївна|ovna|evna|ichna|ivna|inichna)$/;
const MALE_PATRONYMIC = /(?:ович|евич|ovich|evich|ovitch|evitch|ovych|evych)$/;
const WEAK_PATRONYMIC = /(?:ич|ich|ych)$/;
const HYPHENATED_PARTICLE = /-(?:оглы|оглу|улы|уулу|кызы|гызы|ogly|oglu|uly|uulu|kyzy|gyzy|qizi)$/;
const SURNAME_ENDING =
  /(?:ов|ев|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|ой|ых|их|енко|ко|ук|юк|чук|ян|швили|дзе|иев|аев|ов-\p{L}+|ov|ev|in|yn|ova|eva|ina|yna|sky|skiy|skii|skij|skaya|tskiy|tsky|enko|uk|yuk|chuk|yan|ian|shvili|dze|ykh|ikh|off|eff)$/u;

/** How strongly a lowercased word looks like a patronymic: 2 strong female/particle, 1 strong male, 0.5 weak, 0 none. */
export function patronymicStrength(lower: string): number {
  if (FEMALE_PATRONYMIC.test(lower) || HYPHENATED_PARTICLE.test(lower)) return 2;
  if (MALE_PATRONYMIC.test(lower)) return 1;
  if (WEAK_PATRONYMIC.test(lower)) return 0.5;
  return 0;
}

const GIVEN_SKELETONS: ReadonlySet<string> = new Set([
  ...GIVEN_NAMES_CYRILLIC.map(nameSkeleton),
  ...EXTRA_LATIN_GIVEN.map(nameSkeleton),
]);
const GIVEN_CYRILLIC: ReadonlySet<string> = new Set(GIVEN_NAMES_CYRILLIC);
const HAS_LATIN = /[a-z]/;
const KNOWN_SURNAMES: ReadonlySet<string> = new Set(SURNAMES_WITHOUT_SUFFIX);

let givenKeys: ReadonlySet<string> | undefined;

/** Spelling-independent keys of every listed given name and of the alias table's forms (Юрій, В'ячеслав, Шурик). */
function knownGivenKeys(): ReadonlySet<string> {
  if (givenKeys === undefined) {
    const aliases = givenAliases().map;
    givenKeys = new Set([...aliases.keys(), ...aliases.values(), ...GIVEN_NAMES_CYRILLIC.map(surfaceKey)]);
  }
  return givenKeys;
}

/** True when a lowercased word is a common given name (Cyrillic, Ukrainian, or Latin under any usual spelling). */
export const isKnownGivenName: (lower: string) => boolean = boundedMemo(knownGivenName);

// Names repeat: an import of 100,000 records asks about a few thousand distinct words, so each is worked out once.
function knownGivenName(lower: string): boolean {
  if (GIVEN_CYRILLIC.has(lower)) return true;
  if (HAS_LATIN.test(lower)) {
    const skeleton = nameSkeleton(lower);
    if (skeleton.length > 1 && GIVEN_SKELETONS.has(skeleton)) return true;
  }
  const key = surfaceKey(lower);
  return key.length > 1 && knownGivenKeys().has(key);
}

/** True when a lowercased word ends like a surname (-ов, -ева, -ский, -енко, -ov, -sky...) and is not a known given name. */
export const looksLikeSurname: (lower: string) => boolean = boundedMemo(
  (lower) => KNOWN_SURNAMES.has(lower) || (SURNAME_ENDING.test(lower) && !isKnownGivenName(lower)),
);

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/** Which alphabet(s) a name is written in; no letters at all counts as Cyrillic. */
export function detectScript(text: string): 'cyrillic' | 'latin' | 'mixed' {
  const cyrillic = CYRILLIC.test(text);
  const latin = LATIN.test(text);
  if (cyrillic && latin) return 'mixed';
  return latin ? 'latin' : 'cyrillic';
}

const INITIALS = /^(?:\p{Lu}\.){1,3}$|^\p{Lu}\.?$|^(?:\p{Lu}\.){1,2}\p{Lu}$/u;
const INITIAL_LETTER = /\p{Lu}\.?/gu;

/** True for one or more initials written together ("И.", "И.И.", "I"). */
export function isInitials(token: string): boolean {
  return INITIALS.test(token);
}

/** Splits "И.И." into ["И.", "И."]. */
export function splitInitials(token: string): string[] {
  return token.match(INITIAL_LETTER) ?? [token];
}

const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;

/** True for a word written in capitals (at least two letters), as official lists write surnames. */
export function isAllCaps(token: string): boolean {
  return token.length >= 2 && UPPER_LETTER.test(token) && !LOWER_LETTER.test(token) && !token.includes('.');
}
