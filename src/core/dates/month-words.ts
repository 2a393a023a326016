/**
 * Month words in Russian (every case), Ukrainian (nominative and genitive) and English, plus the
 * usual abbreviations, lowercased with ё folded to е. Built once at module load.
 */
const RU_SOFT: readonly (readonly [string, number])[] = [
  ['январ', 1],
  ['феврал', 2],
  ['апрел', 4],
  ['июн', 6],
  ['июл', 7],
  ['сентябр', 9],
  ['октябр', 10],
  ['ноябр', 11],
  ['декабр', 12],
];
const RU_HARD: readonly (readonly [string, number])[] = [
  ['март', 3],
  ['август', 8],
];
const SOFT_ENDINGS = ['ь', 'я', 'е', 'ю', 'ем'];
const HARD_ENDINGS = ['', 'а', 'е', 'у', 'ом'];
const MAY_FORMS = ['май', 'мая', 'мае', 'маю', 'маем'];

const ABBREVIATIONS: readonly (readonly [string, number])[] = [
  ['янв', 1],
  ['фев', 2],
  ['февр', 2],
  ['мар', 3],
  ['апр', 4],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['сент', 9],
  ['окт', 10],
  ['ноя', 11],
  ['нояб', 11],
  ['дек', 12],
];

const UKRAINIAN: readonly (readonly [string, string, number])[] = [
  ['січень', 'січня', 1],
  ['лютий', 'лютого', 2],
  ['березень', 'березня', 3],
  ['квітень', 'квітня', 4],
  ['травень', 'травня', 5],
  ['червень', 'червня', 6],
  ['липень', 'липня', 7],
  ['серпень', 'серпня', 8],
  ['вересень', 'вересня', 9],
  ['жовтень', 'жовтня', 10],
  ['листопад', 'листопада', 11],
  ['грудень', 'грудня', 12],
];

const ENGLISH = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const ENGLISH_SHORT: readonly (readonly [string, number])[] = [
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

function buildMonthMap(): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const [stem, month] of RU_SOFT) for (const end of SOFT_ENDINGS) map.set(stem + end, month);
  for (const [stem, month] of RU_HARD) for (const end of HARD_ENDINGS) map.set(stem + end, month);
  for (const form of MAY_FORMS) map.set(form, 5);
  for (const [word, month] of ABBREVIATIONS) map.set(word, month);
  for (const [nom, gen, month] of UKRAINIAN) {
    map.set(nom, month);
    map.set(gen, month);
  }
  ENGLISH.forEach((word, index) => map.set(word, index + 1));
  for (const [word, month] of ENGLISH_SHORT) map.set(word, month);
  return map;
}

/** Lowercased month word (ё folded) → month number 1–12. */
export const MONTH_WORDS: ReadonlyMap<string, number> = buildMonthMap();
