import { SOURCE_KINDS } from '../record/record.schemas.js';
import type { SourceKind } from '../record/record.schemas.js';
import { compileKeywordRules } from '../categories/keyword-rules.js';
import type { KeywordRule } from '../categories/keyword-rules.js';

/**
 * Free words → source kind, in this order: the more specific kind wins ("родственники ищут" is a
 * search post, "фото могилы от родственников" a grave photo, "иностранные СМИ" foreign media).
 */
const RULES: readonly KeywordRule<SourceKind>[] = [
  [
    'searching_for',
    [
      'ищут',
      'ищет',
      'ищу',
      'поиск*',
      'розыск*',
      'пропал* без вести',
      'пропавш*',
      'searching*',
      'search*',
      'missing*',
      'looking for',
    ],
  ],
  [
    'enemy_claim',
    [
      'противник*',
      'всу',
      'украинск* сторон*',
      'enemy*',
      'ukrainian side',
      'ukrainian claim*',
      'ukrainian military',
      'afu',
      'хочу жить',
      'i want to live',
      'перехват*',
      'intercept*',
    ],
  ],
  ['foreign_media', ['иностранн*', 'зарубежн*', 'foreign*', 'international*', 'bbc', 'би би си']],
  [
    'court_record',
    ['суд*', 'приговор*', 'court*', 'verdict*', 'sentence*', 'judgment*', 'judgement*', 'гас правосудие'],
  ],
  ['insurance_document', ['страхов*', 'insurance*', 'выплат*', 'payout*', 'компенсац*', 'compensation*']],
  [
    'leaked_registry',
    [
      'утечк*',
      'утекш*',
      'слив*',
      'слит*',
      'реестр*',
      'наследствен*',
      'баз* данных',
      'leak*',
      'registry',
      'registries',
      'register',
      'database*',
      'probate*',
    ],
  ],
  [
    'grave_photo',
    [
      'могил*',
      'кладбищ*',
      'захоронен*',
      'надгроб*',
      'памятник*',
      'grave*',
      'cemeter*',
      'tomb*',
      'headstone*',
      'burial*',
    ],
  ],
  [
    'obituary',
    [
      'некролог*',
      'соболезнов*',
      'прощани*',
      'похорон*',
      'траур*',
      'памят*',
      'obituar*',
      'condolence*',
      'funeral*',
      'memorial*',
      'in memoriam',
    ],
  ],
  [
    'official_statement',
    [
      'официальн*',
      'губернатор*',
      'администрац*',
      'глав* района',
      'глав* региона',
      'мэр*',
      'минобороны',
      'министерств*',
      'военкомат*',
      'пресс служб*',
      'пресс релиз*',
      'government*',
      'official*',
      'governor*',
      'mayor*',
      'administration*',
      'ministry*',
      'statement*',
      'press service',
      'press release*',
    ],
  ],
  [
    'relative_post',
    [
      'родственник*',
      'родственниц*',
      'родн*',
      'семь*',
      'жена',
      'жены',
      'вдов*',
      'мать',
      'матери',
      'мама',
      'мамы',
      'сестр*',
      'брат*',
      'отец',
      'отца',
      'дочь',
      'соцсет*',
      'вконтакте',
      'вк',
      'vk',
      'vkontakte',
      'одноклассник*',
      'relative*',
      'family',
      'widow*',
      'wife',
      'mother',
      'sister*',
      'brother*',
      'father',
      'social*',
    ],
  ],
  [
    'local_media',
    [
      'сми',
      'местн*',
      'новост*',
      'газет*',
      'издани*',
      'телеканал*',
      'телевиден*',
      'тв',
      'радио',
      'портал*',
      'журналист*',
      'стать*',
      'news*',
      'media',
      'local*',
      'newspaper*',
      'press',
      'outlet*',
      'journalist*',
      'article*',
    ],
  ],
];

const CLASSIFIER = compileKeywordRules(RULES);

/**
 * Maps free Russian or English words describing a source ("пост родственников", "местные СМИ", "фото
 * могилы", "некролог", or a canonical value) to a source kind; anything unrecognised is 'other'.
 * @example normaliseSourceKind('фото могилы') // 'grave_photo'
 */
export function normaliseSourceKind(text: string): SourceKind {
  const trimmed = text.trim().toLowerCase();
  return SOURCE_KINDS.find((k) => k === trimmed) ?? CLASSIFIER.classify(text) ?? 'other';
}
