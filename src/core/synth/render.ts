import { ageAt, formatDate, ruYears, type DateStyle, type Ymd } from './dates.js';
import { CATEGORY_WEIGHTS, CATEGORY_WORDS } from './military.data.js';
import { addYo, foldYo, swapDayMonth, typo, yearOff } from './noise.js';
import { pickWeighted, weighted, type Rng } from './prng.js';
import type { SynthRegion } from './regions.data.js';
import type { SynthPerson, SynthRecord } from './synth.schemas.js';

/** What a style needs to write one record about one person. */
export interface RenderContext {
  rng: Rng;
  person: SynthPerson;
  birth: Ymd;
  death: Ymd;
  region: SynthRegion;
  /** True with probability p scaled by the noise level (never when noise is 0). */
  noisy(p: number): boolean;
}

/** A record with every column empty. */
export function emptyRecord(): SynthRecord {
  // A literal (not built from RECORD_COLUMNS) because it runs once per record.
  return {
    record_id: '',
    list: '',
    source_kind: '',
    source_url: '',
    published_at: '',
    surname: '',
    given_name: '',
    patronymic: '',
    full_name: '',
    sex: '',
    birth_date: '',
    age: '',
    region: '',
    death_date: '',
    death_place: '',
    category: '',
    rank: '',
    unit: '',
  };
}

/** Picks a key of a weight table. */
export function choose<K extends string>(rng: Rng, table: Readonly<Partial<Record<K, number>>>): K {
  // Tables are small literals at the call site: summing them beats preparing cumulative sums.
  let total = 0;
  for (const key in table) total += table[key] ?? 0;
  let target = rng.next() * total;
  let last: K | undefined;
  for (const key in table) {
    const weight = table[key] ?? 0;
    if (weight <= 0) continue;
    last = key;
    if (target < weight) return key;
    target -= weight;
  }
  if (last === undefined) throw new Error('choose from a table without positive weights');
  return last;
}

/** A name part as a hurried source writes it: ё usually dropped, now and then a typo. */
export function messy(ctx: RenderContext, part: string, typoRate: number, yoFold = 0.5): string {
  if (part === '') return part;
  let out = ctx.noisy(yoFold) ? foldYo(part) : part;
  if (ctx.noisy(0.01)) out = addYo(ctx.rng, out);
  if (ctx.noisy(typoRate)) out = typo(ctx.rng, out);
  return out;
}

/** A date in one of the given styles, sometimes with day and month swapped or the year off by one. */
export function dateText(
  ctx: RenderContext,
  date: Ymd,
  styles: Readonly<Partial<Record<DateStyle | 'none', number>>>,
): string {
  const style = choose(ctx.rng, styles);
  if (style === 'none') return '';
  let shown = date;
  if (ctx.noisy(0.02)) shown = swapDayMonth(shown);
  if (ctx.noisy(0.015)) shown = yearOff(ctx.rng, shown);
  return formatDate(shown, style);
}

/** Age at death, as "29 лет", "29" or "29 years"; one year off now and then. */
export function ageText(ctx: RenderContext, style: 'ru' | 'number' | 'en'): string {
  let age = ageAt(ctx.birth, ctx.death);
  if (ctx.noisy(0.08)) age += ctx.rng.chance(0.5) ? 1 : -1;
  if (style === 'ru') return ruYears(age);
  return style === 'en' ? `${age} years` : String(age);
}

export type RegionForm =
  'full' | 'abbr' | 'capital' | 'city' | 'informal' | 'en' | 'en_region' | 'unknown' | 'none';

/** The person's home region as a source writes it: full name, abbreviation, capital, informal or English name. */
export function regionText(ctx: RenderContext, forms: Readonly<Partial<Record<RegionForm, number>>>): string {
  const r = ctx.region;
  const form = choose(ctx.rng, forms);
  switch (form) {
    case 'full':
      return r.ru;
    case 'abbr':
      return r.abbr;
    case 'capital':
      return r.capital;
    case 'city':
      return `г. ${r.capital}`;
    case 'informal':
      return r.informal || r.ru;
    case 'en':
      return r.en;
    case 'en_region':
      return r.en.replace(/ Oblast$/u, ' region');
    case 'unknown':
      return ctx.rng.chance(0.5) ? 'неизвестно' : 'не указан';
    case 'none':
      return '';
  }
}

const CATEGORY_LIST = weighted(CATEGORY_WEIGHTS);

/** The category as free words; now and then a source has it wrong. */
export function categoryText(ctx: RenderContext, lang: 'ru' | 'en'): string {
  const category = ctx.noisy(0.03) ? pickWeighted(ctx.rng, CATEGORY_LIST) : ctx.person.category;
  return ctx.rng.pick(CATEGORY_WORDS[category][lang]);
}
