import { RANKS_EN } from './military.data.js';
import { DIMINUTIVES } from './names-given.data.js';
import {
  ageText,
  categoryText,
  dateText,
  emptyRecord,
  messy,
  regionText,
  type RenderContext,
} from './render.js';
import { VAGUE_DEATH_PLACES } from './military.data.js';
import type { SynthRecord } from './synth.schemas.js';

/** The person's name in Russian with the usual mess: ё dropped, a typo now and then. */
function ruName(ctx: RenderContext, yoFold = 0.5): { surname: string; given: string; patronymic: string } {
  const p = ctx.person;
  return {
    surname: messy(ctx, p.surname, 0.04, yoFold),
    given: messy(ctx, p.given_name, 0.02, yoFold),
    patronymic: messy(ctx, p.patronymic, 0.03, yoFold),
  };
}

function deathPlace(ctx: RenderContext, specific: number, vague: number): string {
  const u = ctx.rng.next();
  if (u < specific) return ctx.person.death_place;
  return u < specific + vague ? ctx.rng.pick(VAGUE_DEATH_PLACES) : '';
}

const sexLetter = (ctx: RenderContext): string => (ctx.person.sex === 'male' ? 'М' : 'Ж');

/** A relative's post: a diminutive or given name, maybe a surname, an age, a vague date. */
export function relativePost(ctx: RenderContext): SynthRecord {
  const r = emptyRecord();
  const n = ruName(ctx, 0.6);
  const dims = DIMINUTIVES[ctx.person.given_name];
  const given = dims && ctx.rng.chance(0.6) ? ctx.rng.pick(dims) : n.given;
  const surname = ctx.rng.chance(0.65) ? n.surname : '';
  if (ctx.rng.chance(0.5)) r.full_name = [given, surname].filter(Boolean).join(' ');
  else Object.assign(r, { given_name: given, surname });
  const u = ctx.rng.next();
  if (u < 0.6) r.age = ageText(ctx, 'ru');
  else if (u < 0.7) r.birth_date = dateText(ctx, ctx.birth, { ru_long: 1 });
  r.death_date = dateText(ctx, ctx.death, {
    ru_month: 35,
    ru_month_no_year: 10,
    ru_long: 30,
    dmy: 10,
    none: 15,
  });
  r.region = regionText(ctx, { capital: 40, informal: 10, none: 50 });
  if (ctx.rng.chance(0.5)) r.category = categoryText(ctx, 'ru');
  r.death_place = deathPlace(ctx, 0.2, 0.3);
  if (ctx.rng.chance(0.1)) r.unit = ctx.person.unit;
  return r;
}

/** Local news: full name given-first, age, region as a city or an abbreviation, rank and unit now and then. */
export function localMedia(ctx: RenderContext, obituary = false): SynthRecord {
  const r = emptyRecord();
  const n = ruName(ctx);
  const u = ctx.rng.next();
  if (u < (obituary ? 0.2 : 0.5)) r.full_name = `${n.given} ${n.surname}`;
  else if (u < 0.8) r.full_name = [n.given, n.patronymic, n.surname].filter(Boolean).join(' ');
  else
    Object.assign(r, {
      surname: n.surname,
      given_name: n.given,
      patronymic: ctx.rng.chance(0.5) ? n.patronymic : '',
    });
  if (obituary || ctx.rng.chance(0.15))
    r.birth_date = dateText(ctx, ctx.birth, { ru_long: 6, dmy: 3, year: 1 });
  if (!obituary || ctx.rng.chance(0.4)) r.age = ctx.rng.chance(0.85) ? ageText(ctx, 'ru') : '';
  r.region = regionText(ctx, { capital: 25, city: 10, abbr: 35, full: 15, informal: 5, unknown: 2, none: 8 });
  r.death_date = dateText(ctx, ctx.death, { ru_long: obituary ? 60 : 50, ru_month: 25, dmy: 10, none: 15 });
  if (ctx.rng.chance(0.7)) r.category = categoryText(ctx, 'ru');
  if (ctx.rng.chance(0.4)) r.rank = ctx.person.rank;
  if (ctx.rng.chance(0.25)) r.unit = ctx.person.unit;
  r.death_place = deathPlace(ctx, 0.4, 0.2);
  return r;
}

/** An official list: surname first with patronymic, dd.mm.yyyy dates, full region name, rank, unit. */
export function officialStatement(ctx: RenderContext): SynthRecord {
  const r = emptyRecord();
  const n = ruName(ctx);
  const surname = ctx.rng.chance(0.15) ? n.surname.toUpperCase() : n.surname;
  if (ctx.rng.chance(0.5)) Object.assign(r, { surname, given_name: n.given, patronymic: n.patronymic });
  else r.full_name = `${surname} ${n.given} ${n.patronymic}`;
  r.birth_date = dateText(ctx, ctx.birth, { dmy: 85, iso: 5, none: 10 });
  r.region = regionText(ctx, { full: 80, abbr: 10, none: 10 });
  r.death_date = dateText(ctx, ctx.death, { dmy: 80, none: 20 });
  if (ctx.rng.chance(0.4)) r.sex = sexLetter(ctx);
  if (ctx.rng.chance(0.6)) r.category = categoryText(ctx, 'ru');
  if (ctx.rng.chance(0.7)) r.rank = ctx.person.rank;
  if (ctx.rng.chance(0.6)) r.unit = ctx.person.unit;
  return r;
}

/** A photo of a grave: the name as carved, birth and death dates (sometimes years only), the cemetery's town. */
export function gravePhoto(ctx: RenderContext): SynthRecord {
  const r = emptyRecord();
  const n = ruName(ctx, 0.3);
  r.full_name = ctx.rng.chance(0.8) ? `${n.surname} ${n.given} ${n.patronymic}` : `${n.surname} ${n.given}`;
  const yearsOnly = ctx.rng.chance(0.3);
  r.birth_date = dateText(ctx, ctx.birth, yearsOnly ? { year: 1 } : { dmy: 1 });
  r.death_date = dateText(ctx, ctx.death, yearsOnly ? { year: 1 } : { dmy: 1 });
  r.region = regionText(ctx, { capital: 60, none: 40 });
  if (ctx.rng.chance(0.2)) r.rank = ctx.person.rank;
  return r;
}

/** A row of a leaked civil registry: upper case, no ё, ISO dates, sex, full region name. */
export function leakedRegistry(ctx: RenderContext): SynthRecord {
  const r = emptyRecord();
  const n = ruName(ctx, 1);
  r.full_name = `${n.surname} ${n.given} ${n.patronymic}`.toUpperCase().replaceAll('Ё', 'Е');
  r.birth_date = dateText(ctx, ctx.birth, { iso: 1 });
  r.death_date = dateText(ctx, ctx.death, { iso: 1 });
  r.sex = sexLetter(ctx);
  r.region = regionText(ctx, { full: 90, none: 10 });
  if (ctx.rng.chance(0.2)) r.death_place = ctx.person.death_place;
  return r;
}

/** A rank in English, for the foreign press. */
export function rankEn(rank: string): string {
  return RANKS_EN[rank] ?? '';
}
