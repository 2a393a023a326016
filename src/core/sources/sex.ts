import { nameKey } from '../names/split-name.js';

const MALE = new Set([
  'м',
  'муж',
  'мужск',
  'мужской',
  'мужчина',
  'мужчины',
  'мальчик',
  'm',
  'male',
  'man',
  'boy',
  'masculine',
]);
const FEMALE = new Set([
  'ж',
  'жен',
  'женск',
  'женский',
  'женщина',
  'женщины',
  'девушка',
  'девочка',
  'f',
  'female',
  'woman',
  'girl',
  'feminine',
]);
const FILLER = new Set(['пол', 'sex', 'gender']);
const MAX_SEX_TEXT = 40;

/**
 * Reads a sex column ("м", "муж.", "Ж", "female", "пол: мужской"); anything else is null.
 * @example normaliseSex('муж.') // 'male'
 */
export function normaliseSex(text: string): 'male' | 'female' | null {
  if (text.length > MAX_SEX_TEXT) return null;
  const words = nameKey(text)
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w));
  if (words.length !== 1 || words[0] === undefined) return null;
  if (MALE.has(words[0])) return 'male';
  if (FEMALE.has(words[0])) return 'female';
  return null;
}
