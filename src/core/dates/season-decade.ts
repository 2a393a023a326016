import { daysInMonth, isoDay, MAX_YEAR, MIN_YEAR } from './calendar.js';

const SEASONS: readonly (readonly [readonly string[], number, number])[] = [
  [['весна', 'весной', 'весны', 'весне', 'весну', 'spring'], 3, 5],
  [['лето', 'летом', 'лета', 'лете', 'summer'], 6, 8],
  [['осень', 'осенью', 'осени', 'autumn', 'fall'], 9, 11],
  // "зимой 2023" may mean January–February or December: the whole year is the honest span
  [['зима', 'зимой', 'зимы', 'зиме', 'зиму', 'winter'], 1, 12],
];

const SEASON_MONTHS = new Map<string, readonly [number, number]>();
for (const [words, first, last] of SEASONS) for (const word of words) SEASON_MONTHS.set(word, [first, last]);

const SEASON = /^(?:в |во |in |in the )?(\p{L}+) (?:of )?(\d{4})(?: г\.?| года?| году| гг\.?)?$/u;
const DECADE = /^(?:в |the |in the )?(\d{3}0)(?:-?е|-?х|-?ые|-?ых|'?s)(?: годы| годах| годов| гг\.?)?$/;

/** Reads "весной 2023", "summer 2022", "1990-е годы", "1990s" as [first day, last day, precision]; null otherwise. */
export function parseSeasonOrDecade(prepared: string): [string, string, 'range' | 'year'] | null {
  const decade = DECADE.exec(prepared);
  if (decade !== null) {
    const start = Number(decade[1]);
    if (start < MIN_YEAR || start + 9 > MAX_YEAR) return null;
    return [isoDay(start, 1, 1), isoDay(start + 9, 12, 31), 'range'];
  }
  const season = SEASON.exec(prepared);
  const months = season === null ? undefined : SEASON_MONTHS.get(season[1] ?? '');
  if (season === null || months === undefined) return null;
  const year = Number(season[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const precision = months[0] === 1 && months[1] === 12 ? 'year' : 'range';
  return [isoDay(year, months[0], 1), isoDay(year, months[1], daysInMonth(year, months[1])), precision];
}
