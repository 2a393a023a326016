import { CATEGORIES } from '../record/record.schemas.js';
import type { Category } from '../record/record.schemas.js';
import { compileKeywordRules } from './keyword-rules.js';
import type { KeywordRule } from './keyword-rules.js';

/**
 * Free words → category, tried in this order: what a person was (a prisoner recruited by Wagner or into
 * Storm-Z is a prisoner) wins over who recruited them; a volunteer or contract soldier who once served
 * as a conscript is counted by the later status.
 */
const RULES: readonly KeywordRule<Category>[] = [
  [
    'prisoner',
    [
      'заключен*',
      'осужден*',
      'зэк*',
      'зек*',
      'з к',
      'колони*',
      'ик',
      'помилован*',
      'шторм z',
      'шторм з',
      'шторм зет',
      'штормz*',
      'штурмовик* z',
      'storm z',
      'stormz*',
      'convict*',
      'prisoner*',
      'inmate*',
      'penal*',
      'ex con*',
      'pardoned',
    ],
  ],
  ['pmc_wagner', ['вагнер*', 'вагнеров*', 'чвк в', 'wagner*', 'vagner*']],
  [
    'pmc_other',
    [
      'чвк*',
      'pmc*',
      'редут*',
      'redut*',
      'конвой',
      'convoy',
      'частн* военн*',
      'private military*',
      'наемник*',
      'mercenar*',
    ],
  ],
  [
    'rosgvardia',
    [
      'росгвард*',
      'rosgvard*',
      'rosguard*',
      'нацгвард*',
      'национальн* гварди*',
      'national guard*',
      'омон*',
      'собр',
      'omon',
      'sobr',
      'вневедомствен*',
    ],
  ],
  [
    'other_agency',
    [
      'фсб',
      'fsb',
      'мвд',
      'mvd',
      'полиц*',
      'police*',
      'фсин',
      'fsin',
      'мчс',
      'emercom',
      'фсо',
      'пограничн*',
      'погранич*',
      'border guard*',
      'следствен* комитет*',
      'прокуратур*',
      'таможн*',
      'customs',
      'госбезопасн*',
      'security service*',
      'investigative committee',
    ],
  ],
  ['mobilised', ['мобилиз*', 'мобик*', 'mobiliz*', 'mobilis*', 'mobilz*']],
  [
    'volunteer',
    ['доброволь*', 'доброволец', 'добровольц*', 'volunteer*', 'барс', 'bars', 'казак*', 'cossack*'],
  ],
  [
    'career',
    [
      'контракт*',
      'contract*',
      'кадров*',
      'career*',
      'профессиональн*',
      'professional*',
      'regular*',
      'офицер*',
      'officer*',
      'курсант*',
      'cadet*',
      'сверхсрочн*',
      'прапорщик*',
    ],
  ],
  ['conscript', ['срочн*', 'срочник*', 'призывник*', 'призван*', 'conscript*', 'draftee*', 'drafted']],
];

const CLASSIFIER = compileKeywordRules(RULES);

/**
 * Maps free Russian or English words for how a person came to fight to the canonical category;
 * anything unrecognised is 'unknown' (the text itself is kept by the caller).
 * @example normaliseCategory('штурмовик Шторм-Z') // 'prisoner'
 */
export function normaliseCategory(text: string): Category {
  const trimmed = text.trim().toLowerCase();
  return CATEGORIES.find((c) => c === trimmed) ?? CLASSIFIER.classify(text) ?? 'unknown';
}
