import type { Category } from '../../../core/record/record.schemas.js';
import type { RankClass } from '../../../core/release/release.schemas.js';
import type { Lang } from './site.types.js';

const RU = {
  htmlLang: 'ru',
  siteTitle: 'Поимённый список погибших',
  confirmedDeaths: 'подтверждённых смертей',
  namedListAsOf: 'поимённый список на',
  otherLang: 'English',
  weekly: 'Гибель по неделям',
  weeklyUnknown: 'Неделя гибели неизвестна',
  categories: 'Категории',
  wagner: 'ЧВК «Вагнер» (учитываются отдельно)',
  regions: 'Регионы',
  foreign: 'Иностранцы',
  unknown: 'Неизвестно',
  ages: 'Возраст',
  ranks: 'Звания',
  names: 'Имена',
  allNames: 'Весь список',
  page: 'Страница',
  prev: 'Назад',
  next: 'Вперёд',
  search: 'Поиск по имени',
  searchButton: 'Найти',
  searchPlaceholder: 'Фамилия или имя',
  searchStaticNote: 'На зеркале без сервера поиск работает с включённым JavaScript; иначе смотрите постраничный список.',
  results: 'Найдено',
  noResults: 'Ничего не найдено',
  moreResults: 'показаны первые',
  methodology: 'Методология',
  rule: 'Правило подтверждения',
  note: 'Примечание к выпуску',
  estimate: 'Оценка реального числа',
  assumptions: 'Допущения',
  data: 'Данные',
  release: 'Выпуск',
  key: 'Ключ подписи (SHA-256)',
  verify: 'Проверка подлинности',
  checkpoint: 'Контрольная точка журнала аудита',
  noCheckpoint: 'нет',
  diff: 'Изменения с прошлого выпуска',
  added: 'добавлено',
  removed: 'удалено',
  changed: 'исправлено',
  born: 'Родился',
  died: 'Погиб',
  age: 'Возраст',
  region: 'Регион',
  category: 'Категория',
  rank: 'Звание',
  unit: 'Часть',
  sources: 'Источники',
  dateFromSource: 'дата публикации первого источника',
  notFound: 'Страница не найдена',
  mapNote: 'Один квадрат — один субъект; сумма квадратов равна общему числу.',
  table: 'Таблица',
  byMonthTable: 'Таблица по месяцам',
} as const;

type Strings = { readonly [K in keyof typeof RU]: string };

const EN: Strings = {
  htmlLang: 'en',
  siteTitle: 'Named list of the dead',
  confirmedDeaths: 'confirmed deaths',
  namedListAsOf: 'named list as of',
  otherLang: 'Русский',
  weekly: 'Deaths per week',
  weeklyUnknown: 'Week of death unknown',
  categories: 'Categories',
  wagner: 'Wagner PMC (counted apart)',
  regions: 'Regions',
  foreign: 'Foreign',
  unknown: 'Unknown',
  ages: 'Age',
  ranks: 'Ranks',
  names: 'Names',
  allNames: 'Full list',
  page: 'Page',
  prev: 'Previous',
  next: 'Next',
  search: 'Search by name',
  searchButton: 'Search',
  searchPlaceholder: 'Surname or given name',
  searchStaticNote: 'On a static mirror search needs JavaScript; otherwise browse the paged list.',
  results: 'Found',
  noResults: 'Nothing found',
  moreResults: 'showing the first',
  methodology: 'Methodology',
  rule: 'Confirmation rule',
  note: 'Release note',
  estimate: 'Estimate of the true toll',
  assumptions: 'Assumptions',
  data: 'Data',
  release: 'Release',
  key: 'Signing key (SHA-256)',
  verify: 'Verifying this copy',
  checkpoint: 'Audit log checkpoint',
  noCheckpoint: 'none',
  diff: 'Changes since the previous release',
  added: 'added',
  removed: 'removed',
  changed: 'corrected',
  born: 'Born',
  died: 'Died',
  age: 'Age',
  region: 'Region',
  category: 'Category',
  rank: 'Rank',
  unit: 'Unit',
  sources: 'Sources',
  dateFromSource: 'publication date of the earliest source',
  notFound: 'Page not found',
  mapNote: 'One square per federal subject; the squares sum to the total.',
  table: 'Table',
  byMonthTable: 'Table by month',
};

/** Interface strings of one language. */
export function t(lang: Lang): Strings {
  return lang === 'ru' ? RU : EN;
}

const CATEGORY_NAMES: Record<Category, [string, string]> = {
  prisoner: ['Заключённые', 'Prisoners'],
  mobilised: ['Мобилизованные', 'Mobilised'],
  volunteer: ['Добровольцы', 'Volunteers'],
  career: ['Кадровые военные', 'Career soldiers'],
  conscript: ['Срочники', 'Conscripts'],
  pmc_wagner: ['ЧВК «Вагнер»', 'Wagner PMC'],
  pmc_other: ['Другие ЧВК', 'Other PMCs'],
  rosgvardia: ['Росгвардия', 'Rosgvardia'],
  other_agency: ['Другие ведомства', 'Other agencies'],
  unknown: ['Неизвестно', 'Unknown'],
};

const RANK_NAMES: Record<RankClass, [string, string]> = {
  officer: ['Офицеры', 'Officers'],
  nco: ['Сержанты и прапорщики', 'NCOs'],
  enlisted: ['Рядовые', 'Enlisted'],
  unknown: ['Неизвестно', 'Unknown'],
};

/** The display name of a category. */
export function categoryName(c: Category, lang: Lang): string {
  return CATEGORY_NAMES[c][lang === 'ru' ? 0 : 1];
}

/** The display name of a rank class. */
export function rankClassName(r: RankClass, lang: Lang): string {
  return RANK_NAMES[r][lang === 'ru' ? 0 : 1];
}
