import { normaliseCategory } from '../categories/category.js';

/** Comparable keys of what a record says about a person's service: category, rank, unit and place of death. */

/** Ranks in Russian (with common abbreviations) and English, by one key each; "гвардии"/"guards" is dropped. */
const RANKS: readonly (readonly [string, readonly string[]])[] = [
  ['private', ['рядовой', 'private', 'pvt']],
  ['corporal', ['ефрейтор', 'lance corporal', 'corporal', 'efreitor', 'yefreytor']],
  ['junior sergeant', ['младший сержант', 'мл сержант', 'junior sergeant', 'lance sergeant']],
  ['sergeant', ['сержант', 'sergeant', 'sgt']],
  ['senior sergeant', ['старший сержант', 'ст сержант', 'senior sergeant', 'staff sergeant']],
  ['starshina', ['старшина', 'sergeant major', 'starshina', 'master sergeant']],
  ['warrant officer', ['прапорщик', 'warrant officer', 'praporshchik', 'ensign']],
  ['senior warrant officer', ['старший прапорщик', 'ст прапорщик', 'senior warrant officer']],
  ['junior lieutenant', ['младший лейтенант', 'мл лейтенант', 'junior lieutenant']],
  ['lieutenant', ['лейтенант', 'lieutenant', 'lt']],
  ['senior lieutenant', ['старший лейтенант', 'ст лейтенант', 'senior lieutenant', 'first lieutenant']],
  ['captain', ['капитан', 'captain', 'capt']],
  ['major', ['майор', 'major']],
  ['lieutenant colonel', ['подполковник', 'lieutenant colonel', 'lt col']],
  ['colonel', ['полковник', 'colonel', 'col']],
  ['major general', ['генерал-майор', 'генерал майор', 'major general']],
  ['lieutenant general', ['генерал-лейтенант', 'генерал лейтенант', 'lieutenant general']],
];

const RANK_BY_TEXT = new Map(RANKS.flatMap(([key, forms]) => forms.map((f) => [f, key] as const)));

function words(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[«»"“”„'’.,;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One key per military rank, the same for Russian and English ("старший сержант" = "senior sergeant");
 * empty when the text is not a known rank.
 * @example rankKey('гв. мл. сержант') // 'junior sergeant'
 */
export function rankKey(text: string): string {
  const w = words(text).replace(/^(гв|гвардии|guards?)\s+/, '');
  return RANK_BY_TEXT.get(w) ?? RANK_BY_TEXT.get(w.replace(/-/g, ' ')) ?? '';
}

/**
 * A unit as written, folded: case, ё, quotes and punctuation, and the ways of writing "military unit"
 * ("в/ч", "войсковая часть", "military unit") — so "В/Ч 12345" and "войсковая часть 12345" agree.
 * @example unitKey('войсковая часть 12345') === unitKey('в/ч 12345') // 'вч 12345'
 */
export function unitKey(text: string): string {
  return words(text)
    .replace(/(^|\s)(в\s*\/\s*ч|в ч|вч|войсковая часть|войсковой части|military unit)(?=\s|\d|$)/g, '$1вч ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Places that say only that the death was at the front, not where: no evidence either way. */
const VAGUE_PLACE = /(^|\s)сво(\s|$)|специальн|украин|передов|фронт|боев|задани|исполнени|служб|неизвест|не указан|ukrain|front|combat|unknown/;

/**
 * A place of death as a key, or empty when it is vague ("в зоне СВО", "на передовой") or missing.
 * @example placeKey('Часов Яр') // 'часов яр'
 */
export function placeKey(text: string): string {
  const w = words(text);
  return w === '' || VAGUE_PLACE.test(w) ? '' : w.replace(/^(в|во|под|у|около|near|in|at)\s+/, '');
}

/**
 * The recruitment category's code from free words ("ушёл добровольцем" = "volunteer"), empty when not
 * recognised (an unknown category says nothing).
 */
export function categoryKey(text: string): string {
  if (text.trim() === '') return '';
  const c = normaliseCategory(text);
  return c === 'unknown' ? '' : c;
}
