import type { Category } from '../record/record.schemas.js';
import { words } from './words.js';

/** Recruitment categories, weighted roughly like published breakdowns (prisoners the largest group). */
export const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ['prisoner', 24],
  ['volunteer', 21],
  ['mobilised', 16],
  ['pmc_wagner', 9],
  ['career', 8],
  ['conscript', 3],
  ['rosgvardia', 2],
  ['pmc_other', 1.5],
  ['other_agency', 1],
  ['unknown', 14.5],
];

/** How sources word each category, in Russian and in English (foreign press). */
export const CATEGORY_WORDS: Readonly<Record<Category, { ru: readonly string[]; en: readonly string[] }>> = {
  prisoner: {
    ru: ['заключённый', 'осуждённый', 'Шторм Z', 'бывший заключённый', 'завербован в колонии', 'Шторм-Z'],
    en: ['prisoner', 'convict', 'ex-convict', 'Storm-Z'],
  },
  volunteer: {
    ru: ['доброволец', 'добровольцем', 'ушёл добровольцем', 'добровольческий батальон'],
    en: ['volunteer', 'volunteered'],
  },
  mobilised: {
    ru: ['мобилизованный', 'мобилизован', 'по мобилизации'],
    en: ['mobilised', 'mobilized', 'mobilised reservist'],
  },
  career: {
    ru: ['кадровый военный', 'профессиональный военный', 'кадровый', 'контрактник', 'служил по контракту'],
    en: ['career soldier', 'regular army officer', 'contract soldier'],
  },
  conscript: { ru: ['срочник', 'срочная служба', 'призывник'], en: ['conscript'] },
  pmc_wagner: {
    ru: ['ЧВК Вагнер', 'ЧВК «Вагнер»', 'вагнеровец'],
    en: ['Wagner', 'Wagner mercenary', 'Wagner Group'],
  },
  pmc_other: {
    ru: ['ЧВК Редут', 'ЧВК', 'частная военная компания'],
    en: ['private military company', 'PMC'],
  },
  rosgvardia: { ru: ['Росгвардия', 'сотрудник Росгвардии', 'ОМОН'], en: ['Rosgvardia', 'National Guard'] },
  other_agency: { ru: ['ФСБ', 'МВД', 'ФСИН'], en: ['FSB', 'police'] },
  unknown: { ru: [''], en: [''] },
};

/** Ranks, commonest first; privates dominate. */
export const RANKS = words(`рядовой ефрейтор младший_сержант сержант старший_сержант старшина прапорщик
  лейтенант старший_лейтенант капитан майор подполковник полковник`).map((r) => r.replace('_', ' '));

export const RANKS_EN: Readonly<Record<string, string>> = {
  рядовой: 'private',
  ефрейтор: 'lance corporal',
  'младший сержант': 'junior sergeant',
  сержант: 'sergeant',
  'старший сержант': 'senior sergeant',
  старшина: 'sergeant major',
  прапорщик: 'warrant officer',
  лейтенант: 'lieutenant',
  'старший лейтенант': 'senior lieutenant',
  капитан: 'captain',
  майор: 'major',
  подполковник: 'lieutenant colonel',
  полковник: 'colonel',
};

/** Formations, written the way sources write them; N is a number filled in per person. */
export const UNIT_PATTERNS: readonly string[] = [
  'в/ч N',
  'в/ч N',
  'в/ч N',
  'N-я мотострелковая дивизия',
  'N-я отдельная мотострелковая бригада',
  'N-й гвардейский мотострелковый полк',
  'N-я гвардейская десантно-штурмовая дивизия',
  'N-я отдельная бригада морской пехоты',
  'N-я артиллерийская бригада',
  'N-й танковый полк',
];

/** Places of death as sources name them. */
export const DEATH_PLACES =
  words(`Бахмут Авдеевка Угледар Покровск Марьинка Работино Кременная Часов_Яр Торецк
  Курская_область Донецкая_область Луганская_область Запорожская_область Херсонская_область Харьковская_область
  Купянск Волчанск Сватово Красногоровка`).map((p) => p.replace('_', ' '));

/** Vague places that relatives and local news often give instead. */
export const VAGUE_DEATH_PLACES = ['в зоне СВО', 'на Украине', 'в ходе СВО', 'на передовой'];
