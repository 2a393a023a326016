import type { RawRow } from '../../src/core/linkage/dataset.js';
import { jaroWinkler } from '../../src/core/linkage/string-similarity.js';

/**
 * What two prepared person-register records have in common, field by field, as a human would read it:
 * -1 contradicts, 0 says nothing (missing on a side, or too vague), higher is stronger agreement.
 * Used by the diagnostics only (they read the generator's truth; the engine never sees this).
 */
export interface Evidence {
  surname: number;
  given: number;
  patronymic: number;
  birth: number;
  death: number;
  region: number;
  /** Service: unit, rank, place of death and category; 2 per agreeing unit, 1 per other agreement. */
  service: number;
}

export const FIELDS = ['surname', 'given', 'patronymic', 'birth', 'death', 'region', 'service'] as const;

/** A prepared record reduced to what the evidence needs (day numbers for dates). */
export interface Facts {
  surname: string;
  sound: string;
  given: string;
  patronymic: string;
  birthLo: number;
  birthHi: number;
  birthDay: boolean;
  deathLo: number;
  deathHi: number;
  /** The death is known at least to the month (not only bounded by the publication date). */
  deathKnown: boolean;
  /** The death's own range, or for a record without one the weeks before its publication (NaN when unknown). */
  recentLo: number;
  recentHi: number;
  region: string;
  unit: string;
  rank: string;
  place: string;
  category: string;
}

const DAY = 86_400_000;
const days = (iso: string | undefined): number => (iso ? Math.floor(Date.parse(iso) / DAY) : NaN);

export function factsOf(r: RawRow): Facts {
  const birthLo = days(r.birth_from);
  const birthHi = days(r.birth_to);
  return {
    surname: r.surname_key ?? '',
    sound: r.surname_sound ?? '',
    given: r.given_key ?? '',
    patronymic: r.patronymic_key ?? '',
    birthLo,
    birthHi,
    birthDay: (r.birth_value ?? '').length === 10,
    deathLo: days(r.death_from),
    deathHi: days(r.death_to),
    deathKnown: (r.death_value ?? '') !== '' || (r.death_month ?? '') !== '',
    recentLo: days(r.death_recent_from),
    recentHi: days(r.death_recent_to),
    region: r.region_key ?? '',
    unit: r.unit_key ?? '',
    rank: r.rank_key ?? '',
    place: r.place_key ?? '',
    category: r.category_key ?? '',
  };
}

function nameLevel(a: string, b: string, soundA = '', soundB = ''): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 2;
  const jw = jaroWinkler(a, b);
  if (jw >= 0.92 || (soundA !== '' && soundA === soundB)) return 1;
  return jw >= 0.8 ? 0 : -1;
}

function rangeLevel(aLo: number, aHi: number, bLo: number, bHi: number, exact: boolean, slack: number): number {
  if (Number.isNaN(aLo) || Number.isNaN(bLo) || Number.isNaN(aHi) || Number.isNaN(bHi)) return 0;
  if (exact && aLo === bLo) return 3;
  const overlap = aLo <= bHi && bLo <= aHi;
  if (overlap) return Math.max(aHi, bHi) - Math.min(aLo, bLo) <= 400 ? 2 : 1;
  const gap = Math.max(aLo, bLo) - Math.min(aHi, bHi);
  return gap <= slack ? 0 : -1;
}

/** Unit, rank and place of death must not differ (-1); agreements add up (a unit counts twice); a category only adds. */
function serviceLevel(a: Facts, b: Facts): number {
  let level = 0;
  for (const [x, y, w] of [[a.unit, b.unit, 2], [a.rank, b.rank, 1], [a.place, b.place, 1]] as const) {
    if (x === '' || y === '') continue;
    if (x !== y) return -1;
    level += w;
  }
  if (a.category !== '' && a.category === b.category) level += 1;
  return level;
}

/** Field-by-field evidence between two records. */
export function evidence(a: Facts, b: Facts): Evidence {
  const deathBoth = a.deathKnown && b.deathKnown;
  let death = rangeLevel(a.deathLo, a.deathHi, b.deathLo, b.deathHi, true, 31);
  // A death bounded only by a publication date says little: consistency with it is evidence only when the
  // death falls in the weeks before the other's publication (or both were published within weeks).
  if (!deathBoth && death > 0) {
    const lo = Math.min(a.recentLo, b.recentLo);
    const hi = Math.max(a.recentHi, b.recentHi);
    death = a.recentLo <= b.recentHi && b.recentLo <= a.recentHi && hi - lo <= 120 ? 1 : 0;
  }
  return {
    surname: nameLevel(a.surname, b.surname, a.sound, b.sound),
    given: nameLevel(a.given, b.given),
    patronymic: nameLevel(a.patronymic, b.patronymic),
    birth: rangeLevel(a.birthLo, a.birthHi, b.birthLo, b.birthHi, a.birthDay && b.birthDay, 366),
    death,
    region: a.region === '' || b.region === '' ? 0 : a.region === b.region ? 1 : -1,
    service: serviceLevel(a, b),
  };
}

/** True when `c` is at least as good as `e` on every field (so `c` could stand in for `e`). */
export function dominates(c: Evidence, e: Evidence): boolean {
  return FIELDS.every((f) => c[f] >= e[f]);
}

const MARK = ['', '?', '~', '='];

/**
 * A short label of the positive fields of an evidence, or "nothing": names "=" exact, "~" close; dates
 * "=" same day, "~" consistent within a year, "?" consistent over a wider span.
 */
export function shared(e: Evidence): string {
  const pos = FIELDS.filter((f) => e[f] > 0).map((f) => {
    if (f === 'region') return f;
    if (f === 'service') return `service${e[f]}`;
    const isName = f === 'surname' || f === 'given' || f === 'patronymic';
    return f + (isName ? (e[f] === 2 ? '=' : '~') : (MARK[e[f]] ?? ''));
  });
  return pos.length === 0 ? 'nothing' : pos.join(' ');
}

const YEAR = 365.25;
const yearsOf = (lo: number, hi: number): number[] => {
  if (Number.isNaN(lo) || Number.isNaN(hi) || hi - lo > 3 * YEAR) return [];
  const out: number[] = [];
  for (let y = Math.floor(lo / YEAR); y <= Math.floor(hi / YEAR); y++) out.push(y);
  return out;
};
const monthsOf = (lo: number, hi: number): number[] => {
  if (Number.isNaN(lo) || hi - lo > 62) return [];
  const out: number[] = [];
  for (let m = Math.floor(lo / 30.44); m <= Math.floor(hi / 30.44); m++) out.push(m);
  return out;
};

/**
 * Finds "competitors" of a true pair (a, b): records of other persons that agree with a at least as well
 * as b does on every field. With the same information, no reader could tell b from a competitor.
 */
export class CompetitorIndex {
  private readonly buckets = new Map<string, Map<string, number[]>>();

  constructor(
    private readonly facts: readonly Facts[],
    private readonly person: readonly string[],
  ) {
    facts.forEach((f, i) => {
      this.add('surname', f.surname, i);
      this.add('sound', f.sound, i);
      this.add('given', f.given, i);
      this.add('patronymic', f.patronymic, i);
      this.add('region', f.region, i);
      for (const y of yearsOf(f.birthLo, f.birthHi)) this.add('birthYear', String(y), i);
      if (f.deathKnown) for (const m of monthsOf(f.deathLo, f.deathHi)) this.add('deathMonth', String(m), i);
    });
  }

  private add(kind: string, key: string, i: number): void {
    if (key === '') return;
    let b = this.buckets.get(kind);
    if (!b) this.buckets.set(kind, (b = new Map<string, number[]>()));
    const list = b.get(key);
    if (list) list.push(i);
    else b.set(key, [i]);
  }

  private bucket(kind: string, key: string): number[] | undefined {
    return this.buckets.get(kind)?.get(key);
  }

  private near(kind: string, keys: number[]): number[] {
    const out = new Set<number>();
    for (const k of keys) for (const d of [-1, 0, 1]) for (const i of this.bucket(kind, String(k + d)) ?? []) out.add(i);
    return [...out];
  }

  /** Records that could compete with b for a: the smallest bucket among the fields b agrees on; null when none. */
  private candidates(a: number, e: Evidence): number[] | null {
    const f = this.facts[a] as Facts;
    const options: (number[] | undefined)[] = [];
    if (e.surname === 2) options.push(this.bucket('surname', f.surname));
    if (e.surname === 1) options.push(this.bucket('sound', f.sound));
    if (e.given === 2) options.push(this.bucket('given', f.given));
    if (e.patronymic === 2) options.push(this.bucket('patronymic', f.patronymic));
    if (e.region === 1) options.push(this.bucket('region', f.region));
    const years = yearsOf(f.birthLo, f.birthHi);
    if (e.birth >= 2 && years.length > 0) options.push(this.near('birthYear', years));
    const months = f.deathKnown ? monthsOf(f.deathLo, f.deathHi) : [];
    if (e.death >= 2 && months.length > 0) options.push(this.near('deathMonth', months));
    const usable = options.filter((o): o is number[] => o !== undefined);
    if (usable.length === 0) return null;
    return usable.reduce((best, o) => (o.length < best.length ? o : best));
  }

  /** Number of other persons' records agreeing with a at least as well as b does (capped; Infinity when nothing is shared). */
  competitors(a: number, b: number, e: Evidence, cap = 3): number {
    const list = this.candidates(a, e);
    if (list === null) return Infinity;
    let n = 0;
    for (const c of list) {
      if (c === a || c === b || this.person[c] === this.person[a]) continue;
      if (dominates(evidence(this.facts[a] as Facts, this.facts[c] as Facts), e) && ++n >= cap) break;
    }
    return n;
  }

  /** Whether a true pair is resolvable from both sides (strict) and from at least one (lenient). */
  resolvable(a: number, b: number): { strict: boolean; lenient: boolean } {
    const ab = this.competitors(a, b, evidence(this.facts[a] as Facts, this.facts[b] as Facts));
    const ba = this.competitors(b, a, evidence(this.facts[b] as Facts, this.facts[a] as Facts));
    return { strict: ab === 0 && ba === 0, lenient: ab === 0 || ba === 0 };
  }
}
