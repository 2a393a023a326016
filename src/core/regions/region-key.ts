import { nameKey } from '../names/split-name.js';

/** Words naming the kind of subject or settlement; dropped for the "core" key ("Свердловская обл." → "свердловск"). */
const TYPE_WORDS_RAW = [
  'область',
  'области',
  'областью',
  'обл',
  'республика',
  'республики',
  'республике',
  'республикой',
  'респ',
  'рес',
  'край',
  'края',
  'крае',
  'краю',
  'краем',
  'кр',
  'автономный',
  'автономного',
  'автономном',
  'автономная',
  'автономной',
  'округ',
  'округа',
  'округе',
  'ао',
  'федерального',
  'значения',
  'город',
  'города',
  'городе',
  'г',
  'гор',
  'пгт',
  'поселок',
  'пос',
  'п',
  'рп',
  'село',
  'с',
  'деревня',
  'д',
  'станица',
  'ст',
  'ст-ца',
  'аул',
  'район',
  'р-н',
  'рн',
  'россия',
  'рф',
  'oblast',
  'region',
  'krai',
  'kray',
  'republic',
  'rep',
  'autonomous',
  'okrug',
  'district',
  'territory',
  'of',
  'the',
  'city',
  'town',
  'village',
  'federal',
  'russia',
  'russian',
  'federation',
  'ao',
  'obl',
];

const CYRILLIC_ENDING =
  /(?:ского|скому|ском|ской|скую|ская|ский|ией|ая|ой|ую|ий|ый|ого|ому|ом|ем|ей|ии|ию|ия|ие|е|у|а|ы|и|я|ю|ь)$/;
const LATIN_ADJECTIVE = /(?:skaya|skiy|skii|skij|skoy|sky)$/;
const LATIN_NOUN = /(?:iya|ia|ya)$/;
const STEM_MIN_LENGTH = 5;

/** Strips a case or adjective ending so "Свердловской", "Свердловская" and "Sverdlovskaya" meet. */
export function stemRegionWord(word: string): string {
  if (word.length < STEM_MIN_LENGTH) return word;
  const cyrillic = word.replace(CYRILLIC_ENDING, (ending) => (ending.startsWith('ск') ? 'ск' : ''));
  if (cyrillic !== word) return cyrillic;
  const latin = word.replace(LATIN_ADJECTIVE, 'sk');
  return latin !== word ? latin : word.replace(LATIN_NOUN, '');
}

const TYPE_WORDS: ReadonlySet<string> = new Set(
  TYPE_WORDS_RAW.flatMap((w) => nameKey(w).split(' ')).map(stemRegionWord),
);

/** Words of a region text: stemmed (all, and without type words) and unstemmed without type words. */
export function regionWords(text: string): { all: string[]; core: string[]; plainCore: string[] } {
  const plain = nameKey(text)
    .split(' ')
    .filter((w) => w !== '');
  const all = plain.map(stemRegionWord);
  return {
    all,
    core: all.filter((w) => !TYPE_WORDS.has(w)),
    plainCore: plain.filter((_, i) => !TYPE_WORDS.has(all[i] ?? '')),
  };
}
