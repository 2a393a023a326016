// Throughput of the core normalisers on 100,000 register-like values each (the size of a big
// import), and the time one call takes on hostile 100 KB inputs.
// Run: node --import tsx bench/normalisers/speed.ts
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { normaliseCategory } from '../../src/core/categories/category.js';
import { ageToBirthRange, parsePartialDate } from '../../src/core/dates/partial-date.js';
import { nameKey, splitFullName } from '../../src/core/names/split-name.js';
import { REGIONS } from '../../src/core/regions/region.js';
import { regionNames, resolveRegion } from '../../src/core/regions/resolve-region.js';
import { normaliseSex, normaliseSourceKind } from '../../src/core/sources/index.js';

const N = Number(process.env.N ?? 100_000);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pad = (n: number) => String(n).padStart(2, '0');

const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RU_MONTHS_LOC = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dateText(): string {
  const y = int(1960, 2025);
  const m = int(1, 12);
  const d = int(1, 28);
  const forms = [
    `${y}-${pad(m)}-${pad(d)}`,
    `${pad(d)}.${pad(m)}.${y}`,
    `${pad(m)}.${y}`,
    `${y}`,
    `${d} ${RU_MONTHS[m - 1] ?? ''} ${y} г.`,
    `в ${RU_MONTHS_LOC[m - 1] ?? ''} ${y}`,
    `${EN_MONTHS[m - 1] ?? ''} ${d}, ${y}`,
    `${pad(d)}.${pad(m)}.${y} - ${pad(Math.min(28, d + 3))}.${pad(m)}.${y}`,
    `с ${d} по ${Math.min(28, d + 2)} ${RU_MONTHS[m - 1] ?? ''} ${y}`,
    'неизвестно',
  ];
  return pick(forms);
}

const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Галиев',
  'Цыренов',
  'Ооржак',
  'Магомедов',
  'Шевчук',
  'Петрова',
  'Кузнецов',
  'Бабич',
];
const GIVEN = ['Иван', 'Сергей', 'Айдар', 'Баир', 'Айдыс', 'Магомед', 'Дмитрий', 'Анна'];
const PATR = ['Иванович', 'Петрович', 'Ринатович', 'Гаджиевич', 'Сергеевна'];
function nameText(): string {
  const s = pick(SURNAMES);
  const g = pick(GIVEN);
  const p = pick(PATR);
  return pick([
    `${s} ${g} ${p}`,
    `${g} ${p} ${s}`,
    `${g} ${s}`,
    `${s.toUpperCase()} ${g} ${p}`,
    `${s}, ${g}`,
    `${s} ${g[0] ?? ''}.${p[0] ?? ''}.`,
    'Ivan Petrov',
  ]);
}

const REGION_TEXTS = [
  ...REGIONS.flatMap(regionNames),
  'Свердловская обл.',
  'респ. Бурятия',
  'в Свердловской области',
  'г. Нижний Тагил, Свердловская обл.',
  'Марс',
  '',
];
const CATEGORY_TEXTS = [
  'мобилизованный',
  'Шторм Z',
  'заключённый',
  'ЧВК Вагнер',
  'контрактник',
  'доброволец',
  'срочник',
  'Росгвардия',
  'ФСБ',
  'contract soldier',
  'mobilized',
  'водитель',
  '',
];
const SOURCE_TEXTS = [
  'пост родственников',
  'местные СМИ',
  'фото могилы',
  'некролог',
  'заявление губернатора',
  'иностранные СМИ',
  'другое',
];
const SEX_TEXTS = ['м', 'ж', 'муж.', 'female', 'M', ''];

function measure(label: string, inputs: readonly string[], fn: (s: string) => unknown): void {
  for (let i = 0; i < Math.min(2000, inputs.length); i++) fn(inputs[i] ?? '');
  const start = performance.now();
  for (const input of inputs) fn(input);
  const ms = performance.now() - start;
  console.log(
    `| ${label} | ${inputs.length.toLocaleString('en')} | ${ms.toFixed(0)} | ${Math.round(inputs.length / (ms / 1000)).toLocaleString('en')} |`,
  );
}

function hostile(label: string, fn: (s: string) => unknown): void {
  const inputs = [
    'а'.repeat(100_000),
    '1.'.repeat(50_000),
    '12 марта '.repeat(11_000),
    'Иванов '.repeat(14_000),
    '-'.repeat(100_000),
    'a '.repeat(50_000),
    'Свердловская обл., '.repeat(5_000),
  ];
  let worst = 0;
  for (const input of inputs) {
    fn(input); // the first call compiles regexes; measure the steady state
    const start = performance.now();
    fn(input);
    worst = Math.max(worst, performance.now() - start);
  }
  console.log(`| ${label} | ${worst.toFixed(2)} |`);
}

console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}\n`);
console.log('| normaliser | values | ms | values/s |\n|---|---|---|---|');
const dates = Array.from({ length: N }, dateText);
measure('parsePartialDate', dates, parsePartialDate);
const ages = Array.from({ length: N }, () =>
  pick(['29', '29 лет', '21 год', '34 года', '40 years', '19 y.o.']),
);
measure('ageToBirthRange (ref. "12.03.2023")', ages, (a) => ageToBirthRange(a, '12.03.2023'));
const names = Array.from({ length: N }, nameText);
measure('splitFullName', names, splitFullName);
measure('nameKey', names, nameKey);
measure(
  'resolveRegion (texts repeat, as in imports)',
  Array.from({ length: N }, () => pick(REGION_TEXTS)),
  resolveRegion,
);
measure(
  'resolveRegion (every text new: no cache hits)',
  Array.from({ length: N }, (_, i) => `${pick(REGION_TEXTS)} ${i}`),
  resolveRegion,
);
measure(
  'normaliseCategory',
  Array.from({ length: N }, () => pick(CATEGORY_TEXTS)),
  normaliseCategory,
);
measure(
  'normaliseSourceKind',
  Array.from({ length: N }, () => pick(SOURCE_TEXTS)),
  normaliseSourceKind,
);
measure(
  'normaliseSex',
  Array.from({ length: N }, () => pick(SEX_TEXTS)),
  normaliseSex,
);

console.log('\n| normaliser | worst ms for one 100 KB hostile input |\n|---|---|');
hostile('parsePartialDate', parsePartialDate);
hostile('ageToBirthRange', (s) => ageToBirthRange(s, '2023'));
hostile('splitFullName', splitFullName);
hostile('nameKey', nameKey);
hostile('resolveRegion', resolveRegion);
hostile('normaliseCategory', normaliseCategory);
hostile('normaliseSourceKind', normaliseSourceKind);
hostile('normaliseSex', normaliseSex);
