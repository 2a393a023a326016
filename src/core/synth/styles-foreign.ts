import {
  ageText,
  categoryText,
  dateText,
  emptyRecord,
  messy,
  regionText,
  type RenderContext,
} from './render.js';
import { rankEn } from './styles-ru.js';
import type { SynthRecord } from './synth.schemas.js';
import { transliterate, transliterateUkrainian, TRANSLIT_SYSTEMS } from './translit.js';
import { ukrainianName, ukrainianPatronymic } from './ukrainian.js';

/** Foreign press: the name in Latin letters under one press tradition, English dates and words. */
export function foreignMedia(ctx: RenderContext): SynthRecord {
  const r = emptyRecord();
  const system = ctx.rng.pick(TRANSLIT_SYSTEMS);
  const p = ctx.person;
  const given = transliterate(p.given_name, system);
  const surname = messy(ctx, transliterate(p.surname, system), 0.03, 0);
  r.full_name = ctx.rng.chance(0.85) ? `${given} ${surname}` : `${surname}, ${given}`;
  const u = ctx.rng.next();
  if (u < 0.4) r.age = ageText(ctx, 'number');
  else if (u < 0.6) r.age = ageText(ctx, 'en');
  else if (u < 0.7) r.birth_date = dateText(ctx, ctx.birth, { en_long: 1, en_long_uk: 1 });
  r.death_date = dateText(ctx, ctx.death, { en_long: 30, en_long_uk: 20, en_month: 20, none: 30 });
  const v = ctx.rng.next();
  if (v < 0.5) r.region = regionText(ctx, { en: 1, en_region: 1 });
  else if (v < 0.8) r.region = transliterate(ctx.region.capital, system);
  if (ctx.rng.chance(0.6)) r.category = categoryText(ctx, 'en');
  if (ctx.rng.chance(0.2)) r.rank = rankEn(p.rank);
  if (ctx.rng.chance(0.1)) r.sex = p.sex;
  return r;
}

/** A Ukrainian source: Ukrainian name forms (Сергій), in Cyrillic or in Ukrainian Latin (Serhii), often with the unit. */
export function ukrainianSource(ctx: RenderContext): SynthRecord {
  const r = emptyRecord();
  const p = ctx.person;
  const given = ukrainianName(p.given_name);
  const surname = messy(ctx, ukrainianName(p.surname), 0.03, 0);
  const patronymic = ctx.rng.chance(0.4) ? ukrainianPatronymic(ukrainianName(p.father_name), p.sex) : '';
  const cyrillic = patronymic ? `${surname} ${given} ${patronymic}` : `${given} ${surname}`;
  r.full_name = ctx.rng.chance(0.7) ? cyrillic : transliterateUkrainian(cyrillic);
  r.birth_date = dateText(ctx, ctx.birth, { dmy: 60, iso: 20, none: 20 });
  r.death_date = dateText(ctx, ctx.death, { dmy: 50, none: 50 });
  if (ctx.rng.chance(0.5)) r.unit = p.unit;
  r.region = regionText(ctx, { full: 40, none: 60 });
  return r;
}
