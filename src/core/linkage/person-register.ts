import { ageToBirthRange, parsePartialDate, type PartialDate } from '../dates/partial-date.js';
import { splitFullName } from '../names/split-name.js';
import { REGION_BY_CODE } from '../regions/region.js';
import { resolveRegion } from '../regions/resolve-region.js';
import { canonicalName } from '../translit/canonical.js';
import type { RawRow } from './dataset.js';
import { parseDateParts } from './date-parts.js';
import { phoneticKey } from './phonetic-key.js';
import { categoryKey, placeKey, rankKey, unitKey } from './service-keys.js';

/** The comparable form of a partial date: a value of its own precision, or a range. */
interface DateForm {
  value: string;
  from: string;
  to: string;
  year: string;
  yearMonth: string;
}

const EMPTY: DateForm = { value: '', from: '', to: '', year: '', yearMonth: '' };

function dateForm(d: PartialDate | null): DateForm {
  if (!d?.from || !d.to) return EMPTY;
  const year = d.from.slice(0, 4) === d.to.slice(0, 4) ? d.from.slice(0, 4) : '';
  const yearMonth = d.from.slice(0, 7) === d.to.slice(0, 7) ? d.from.slice(0, 7) : '';
  switch (d.precision) {
    case 'day':
      return { value: d.from, from: d.from, to: d.to, year, yearMonth };
    case 'month':
      return { value: d.from.slice(0, 7), from: d.from, to: d.to, year, yearMonth };
    case 'year':
      return { value: d.from.slice(0, 4), from: d.from, to: d.to, year, yearMonth: '' };
    case 'range':
    case 'unknown':
      return { value: '', from: d.from, to: d.to, year, yearMonth };
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Parses a date as sources write it; numeric forms the shared parser leaves unknown fall back to the engine's reader. */
function parse(text: string | undefined): PartialDate | null {
  const t = text?.trim() ?? '';
  if (t === '') return null;
  const d = parsePartialDate(t);
  if (d.precision !== 'unknown') return d;
  const p = parseDateParts(t);
  if (!p || (p.day > 0 && p.day > new Date(Date.UTC(p.year, p.month, 0)).getUTCDate())) return d;
  if (p.month === 0) return { text: t, precision: 'year', from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const lastDay = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  const ym = `${p.year}-${pad(p.month)}`;
  if (p.day === 0) return { text: t, precision: 'month', from: `${ym}-01`, to: `${ym}-${pad(lastDay)}` };
  return { text: t, precision: 'day', from: `${ym}-${pad(p.day)}`, to: `${ym}-${pad(p.day)}` };
}

/**
 * A death date written without a year ("в марте", "3 августа") in a dated publication: the latest such
 * day or month on or before the publication date (relatives post within weeks, not a year later).
 */
function parseDeath(text: string | undefined, publishedAt: string | undefined): PartialDate | null {
  const d = parse(text);
  if (d === null || d.precision !== 'unknown' || /\d{4}/.test(d.text)) return d;
  const published = parse(publishedAt);
  if (!published?.to || published.precision !== 'day') return d;
  const year = Number(published.to.slice(0, 4));
  for (const y of [year, year - 1]) {
    const guess = parsePartialDate(`${d.text} ${y}`);
    if (guess.precision !== 'unknown' && guess.from !== null && guess.from <= published.to) return { ...guess, text: d.text };
  }
  return d;
}

/** Earliest date a death bound by its publication alone is taken to span from (no earlier limit is known). */
const OPEN_START = '1900-01-01';

/** A record that gives no death date still says the death came before it was published. */
function deathBound(death: DateForm, publishedAt: string | undefined): { from: string; to: string } {
  if (death.from !== '') return death;
  const published = parse(publishedAt);
  return published?.to ? { from: OPEN_START, to: published.to } : { from: '', to: '' };
}

/** Most deaths are reported within this many days; a record without a death date is taken to report one this recent. */
const RECENT_REPORT_DAYS = 60;

/**
 * The death as a narrow window: the death date's own range when given; for a record without one, the
 * RECENT_REPORT_DAYS before its publication (most sources report a death within weeks). A separate, weaker
 * level than the dates themselves: the model learns how often a record reports an older death.
 */
function recentDeath(death: DateForm, publishedAt: string | undefined): { from: string; to: string } {
  if (death.from !== '') return { from: death.from, to: death.to };
  const published = parse(publishedAt);
  if (!published?.to || published.precision !== 'day') return { from: '', to: '' };
  const from = new Date(Date.parse(published.to) - RECENT_REPORT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { from, to: published.to };
}

/**
 * The recent-death window as columns, with blocking months: the death's month (or, without a death date,
 * the publication's) and the month before it for a record without a death date (the death's month otherwise).
 */
function recentDeathColumns(death: DateForm, publishedAt: string | undefined): Record<string, string> {
  const r = recentDeath(death, publishedAt);
  const own = death.from !== '' ? death.yearMonth : r.to.slice(0, 7);
  const before = death.from !== '' ? death.yearMonth : r.from.slice(0, 7);
  return { death_recent_from: r.from, death_recent_to: r.to, report_month: own, report_month_before: before };
}

/** Earliest a death may precede the publication that reports it, when the death date is unknown. */
const REPORTING_LAG_DAYS = 365;

/**
 * Birth range from a stated age at death. With a known death date it is exact; with only the publication
 * date the death may lie up to a reporting lag before it, which widens the range by as much.
 */
function birthFromAge(age: string, row: RawRow, death: DateForm, lagDays = REPORTING_LAG_DAYS): DateForm {
  if (death.from !== '') return dateForm(ageToBirthRange(age, { text: '', precision: 'range', from: death.from, to: death.to }));
  const published = parse(row.published_at);
  if (!published?.from || !published.to) return EMPTY;
  const earliest = new Date(Date.parse(published.from) - lagDays * 86_400_000).toISOString().slice(0, 10);
  return dateForm(ageToBirthRange(age, { text: '', precision: 'range', from: earliest, to: published.to }));
}

/** A birth range wider than this (in days) gives no blocking years: too vague to bring records together. */
const MAX_BLOCKING_SPAN_DAYS = 1100;

/**
 * Blocking years of a birth date or range (an exact date, a year, or a range from a stated age): the years
 * of its first, middle and last day, so a range and an exact date inside it share at least one of them.
 */
function birthYearKeys(birth: DateForm): { birth_lo: string; birth_mid: string; birth_hi: string } {
  const from = Date.parse(birth.from);
  const to = Date.parse(birth.to);
  if (Number.isNaN(from) || Number.isNaN(to) || to - from > MAX_BLOCKING_SPAN_DAYS * 86_400_000)
    return { birth_lo: '', birth_mid: '', birth_hi: '' };
  const mid = new Date((from + to) / 2).toISOString().slice(0, 4);
  return { birth_lo: birth.from.slice(0, 4), birth_mid: mid, birth_hi: birth.to.slice(0, 4) };
}

/** The gazetteer code of a region text ("Пенза", "Penza oblast", "Прикамье"); empty when unknown. */
export function regionCode(text: string): string {
  const { code } = resolveRegion(text);
  return code === 'UNKNOWN' ? '' : code;
}

/** A federal city and the region around it, which sources often name for each other ("Москва" for Подмосковье). */
const CITY_AND_REGION: Readonly<Record<string, string>> = {
  'RU-MOW': 'RU-MOW+RU-MOS',
  'RU-MOS': 'RU-MOW+RU-MOS',
  'RU-SPE': 'RU-SPE+RU-LEN',
  'RU-LEN': 'RU-SPE+RU-LEN',
  'UA-40': 'UA-40+UA-43',
  'UA-43': 'UA-40+UA-43',
};

/** Coarser keys of a region code: the federal city with its region, and the federal district (or group). */
function regionParents(code: string): { region_area: string; region_district: string } {
  if (code === '') return { region_area: '', region_district: '' };
  const region = REGION_BY_CODE.get(code);
  return { region_area: CITY_AND_REGION[code] ?? code, region_district: region?.federalDistrict ?? region?.group ?? '' };
}

function names(row: RawRow): { surname: string; given: string; patronymic: string } {
  const surname = row.surname?.trim() ?? '';
  const given = row.given_name?.trim() ?? '';
  const patronymic = row.patronymic?.trim() ?? '';
  const full = row.full_name?.trim() ?? '';
  if ((surname !== '' || given !== '') && full === '') return { surname, given, patronymic };
  if (full === '') return { surname, given, patronymic };
  const split = splitFullName(full);
  return {
    surname: surname !== '' ? surname : (split.surname ?? ''),
    given: given !== '' ? given : (split.given ?? ''),
    patronymic: patronymic !== '' ? patronymic : (split.patronymic ?? ''),
  };
}

/**
 * Derives the person register's comparison columns from a record CSV row: canonical name keys (any script,
 * diminutives folded), a sound key, birth and death dates with their precision, a birth range from a
 * stated age, and a region key. Only `record_id` is carried over from the raw row.
 */
export function preparePersonRecord(row: RawRow, regionKey: (text: string) => string = regionCode): RawRow {
  const n = names(row);
  const surnameKey = n.surname === '' ? '' : canonicalName(n.surname, 'surname');
  const death = dateForm(parseDeath(row.death_date, row.published_at));
  let birth = dateForm(parse(row.birth_date));
  const age = row.age?.trim() ?? '';
  // The birth range from a stated age, assuming the death was recent when reported (see recentDeath).
  let birthRecent = birth;
  if (birth.from === '' && age !== '') {
    birth = birthFromAge(age, row, death);
    birthRecent = birthFromAge(age, row, death, RECENT_REPORT_DAYS);
  }
  const deathRange = deathBound(death, row.published_at);
  const region = row.region?.trim() ?? '';
  const regionCodeOf = region === '' ? '' : regionKey(region);
  const givenKey = n.given === '' ? '' : canonicalName(n.given, 'given');
  const patronymicKey = n.patronymic === '' ? '' : canonicalName(n.patronymic, 'patronymic');
  const nameKeyPair = surnameKey !== '' && givenKey !== '' ? `${surnameKey} ${givenKey}` : '';
  return {
    record_id: row.record_id,
    surname_key: surnameKey,
    surname_sound: phoneticKey(surnameKey),
    given_key: givenKey,
    patronymic_key: patronymicKey,
    full_name_key: nameKeyPair !== '' && patronymicKey !== '' ? `${nameKeyPair} ${patronymicKey}` : '',
    name_pair_key: nameKeyPair,
    birth_value: birth.value,
    birth_from: birth.from,
    birth_to: birth.to,
    birth_year: birth.year,
    birth_recent_from: birthRecent.from,
    birth_recent_to: birthRecent.to,
    ...birthYearKeys(birth),
    death_value: death.value,
    death_from: deathRange.from,
    death_to: deathRange.to,
    death_month: death.yearMonth,
    ...recentDeathColumns(death, row.published_at),
    region_key: regionCodeOf,
    ...regionParents(regionCodeOf),
    category_key: categoryKey(row.category ?? ''),
    rank_key: rankKey(row.rank ?? ''),
    unit_key: unitKey(row.unit ?? ''),
    place_key: placeKey(row.death_place ?? ''),
  };
}

/** Prepares every row of a record CSV for the person-register settings, keeping the id column named. */
export function preparePersonRecords(rows: readonly RawRow[], idColumn = 'record_id'): RawRow[] {
  return rows.map((r) => {
    const out = preparePersonRecord(r);
    return idColumn === 'record_id' ? out : { ...out, [idColumn]: r[idColumn] };
  });
}
