import type { Ymd } from './dates.js';
import type { Rng } from './prng.js';

const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыьэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** Letters a hurried typist swaps for each other (neighbouring keys, similar sounds). */
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: 'о',
  о: 'а',
  е: 'и',
  и: 'е',
  т: 'д',
  д: 'т',
  с: 'з',
  з: 'с',
  в: 'ф',
  ф: 'в',
  ш: 'щ',
  щ: 'ш',
  ы: 'и',
  н: 'м',
  м: 'н',
  к: 'г',
  г: 'к',
  л: 'д',
  й: 'и',
  ь: 'ъ',
  я: 'а',
};

function sameCase(model: string, ch: string): string {
  return model === model.toUpperCase() && model !== model.toLowerCase() ? ch.toUpperCase() : ch;
}

/**
 * One random edit (substitution, deletion, insertion or transposition), never on the first letter,
 * so "Иванов" may come out as "Иваов" or "Иавнов".
 */
export function typo(rng: Rng, text: string): string {
  if (text.length < 3) return text;
  const latin = /[a-z]/iu.test(text);
  const alphabet = latin ? LATIN : CYRILLIC;
  const i = rng.int(1, text.length - 1);
  const ch = text[i] ?? '';
  if (!/\p{L}/u.test(ch)) return text;
  const lower = ch.toLowerCase();
  switch (rng.int(0, 3)) {
    case 0: {
      const sub = CONFUSABLE[lower] ?? alphabet[rng.int(0, alphabet.length - 1)] ?? lower;
      return text.slice(0, i) + sameCase(ch, sub === lower ? (alphabet[0] ?? sub) : sub) + text.slice(i + 1);
    }
    case 1:
      return text.slice(0, i) + text.slice(i + 1);
    case 2:
      return text.slice(0, i) + ch + text.slice(i);
    default: {
      const next = text[i + 1];
      if (next === undefined || !/\p{L}/u.test(next)) return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + next + ch + text.slice(i + 2);
    }
  }
}

/** Writes ё as е, as most sources and all registries do. */
export function foldYo(text: string): string {
  if (!text.includes('ё') && !text.includes('Ё')) return text;
  return text.replaceAll('ё', 'е').replaceAll('Ё', 'Е');
}

/** Turns one е into ё (over-eager "correct" spelling), if there is an е after the first letter. */
export function addYo(rng: Rng, text: string): string {
  const positions: number[] = [];
  for (let i = 1; i < text.length; i++) if (text[i] === 'е') positions.push(i);
  if (positions.length === 0) return text;
  const i = rng.pick(positions);
  return `${text.slice(0, i)}ё${text.slice(i + 1)}`;
}

/** Day and month swapped (only when the result is still a valid date and differs). */
export function swapDayMonth(date: Ymd): Ymd {
  if (date.d > 12 || date.d === date.m) return date;
  return { y: date.y, m: date.d, d: date.m };
}

/** The year one off, up or down (day clamped to 28 so the date stays valid). */
export function yearOff(rng: Rng, date: Ymd): Ymd {
  return { y: date.y + (rng.chance(0.5) ? 1 : -1), m: date.m, d: Math.min(date.d, 28) };
}
