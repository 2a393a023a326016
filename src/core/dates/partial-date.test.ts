import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from './calendar.js';
import { ageToBirthRange, parsePartialDate } from './partial-date.js';

const EXAMPLES: readonly [string, string, string | null, string | null][] = [
  ['1994-03-12', 'day', '1994-03-12', '1994-03-12'],
  ['12.03.1994', 'day', '1994-03-12', '1994-03-12'],
  ['1.3.94', 'day', '1994-03-01', '1994-03-01'],
  ['12/03/2023', 'day', '2023-03-12', '2023-03-12'],
  ['2023-03-12T10:00:00Z', 'day', '2023-03-12', '2023-03-12'],
  ['03.2023', 'month', '2023-03-01', '2023-03-31'],
  ['2024-02', 'month', '2024-02-01', '2024-02-29'],
  ['1994', 'year', '1994-01-01', '1994-12-31'],
  ['1994 г.р.', 'year', '1994-01-01', '1994-12-31'],
  ['в 2023 году', 'year', '2023-01-01', '2023-12-31'],
  ['12 марта 1994', 'day', '1994-03-12', '1994-03-12'],
  ['12-го марта 2023 года', 'day', '2023-03-12', '2023-03-12'],
  ['1 мая 2023 г.', 'day', '2023-05-01', '2023-05-01'],
  ['12 мар. 2023', 'day', '2023-03-12', '2023-03-12'],
  ['март 2023', 'month', '2023-03-01', '2023-03-31'],
  ['в марте 2023 г.', 'month', '2023-03-01', '2023-03-31'],
  ['В феврале 2024', 'month', '2024-02-01', '2024-02-29'],
  ['Сентябрь 2022', 'month', '2022-09-01', '2022-09-30'],
  ['12 березня 2023', 'day', '2023-03-12', '2023-03-12'],
  ['March 12, 1994', 'day', '1994-03-12', '1994-03-12'],
  ['12 March 1994', 'day', '1994-03-12', '1994-03-12'],
  ['Sept 3rd, 2022', 'day', '2022-09-03', '2022-09-03'],
  ['March 2023', 'month', '2023-03-01', '2023-03-31'],
  ['1994–1995', 'range', '1994-01-01', '1995-12-31'],
  ['1994-95', 'range', '1994-01-01', '1995-12-31'],
  ['12.03.2023 - 15.03.2023', 'range', '2023-03-12', '2023-03-15'],
  ['2023-03-12 — 2023-03-15', 'range', '2023-03-12', '2023-03-15'],
  ['с 12 марта по 15 марта 2023', 'range', '2023-03-12', '2023-03-15'],
  ['с 12 по 15 марта 2023 г.', 'range', '2023-03-12', '2023-03-15'],
  ['12–15 марта 2023', 'range', '2023-03-12', '2023-03-15'],
  ['март-апрель 2023', 'range', '2023-03-01', '2023-04-30'],
  ['between 1994 and 1996', 'range', '1994-01-01', '1996-12-31'],
  ['from March 2023 to May 2023', 'range', '2023-03-01', '2023-05-31'],
  ['весной 2023', 'range', '2023-03-01', '2023-05-31'],
  ['Летом 2022 года', 'range', '2022-06-01', '2022-08-31'],
  ['autumn 2023', 'range', '2023-09-01', '2023-11-30'],
  ['зимой 2023', 'year', '2023-01-01', '2023-12-31'],
  ['в 1990-х', 'range', '1990-01-01', '1999-12-31'],
  ['1990-е годы', 'range', '1990-01-01', '1999-12-31'],
  ['the 1990s', 'range', '1990-01-01', '1999-12-31'],
  ['31.02.2023', 'unknown', null, null],
  ['весной', 'unknown', null, null],
  ['12 марта', 'unknown', null, null],
  ['', 'unknown', null, null],
  ['неизвестно', 'unknown', null, null],
];

describe('parsePartialDate', () => {
  it.each(EXAMPLES)('%s → %s %s..%s', (text, precision, from, to) => {
    expect(parsePartialDate(text)).toEqual({ text, precision, from, to });
  });

  it('never throws, keeps the text as given, and gives from ≤ to (or both null when unknown)', () => {
    const dateish = fc.stringMatching(/^[0-9 .\-/а-яА-Яa-zA-Z–,]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), dateish), (text) => {
        const d = parsePartialDate(text);
        expect(d.text).toBe(text);
        if (d.precision === 'unknown') {
          expect(d.from).toBeNull();
          expect(d.to).toBeNull();
        } else {
          expect(d.from).not.toBeNull();
          expect(d.to).not.toBeNull();
          expect((d.from ?? '') <= (d.to ?? '')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any real day written in the usual numeric and word forms', () => {
    const ruMonths = [
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
    const enMonths = [
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
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const iso = isoDay(y, m, d);
          const dd = String(d).padStart(2, '0');
          const mm = String(m).padStart(2, '0');
          const forms = [
            iso,
            `${dd}.${mm}.${y}`,
            `${d} ${ruMonths[m - 1] ?? ''} ${y}`,
            `${enMonths[m - 1] ?? ''} ${d}, ${y}`,
            `${d} ${enMonths[m - 1] ?? ''} ${y}`,
          ];
          for (const form of forms)
            expect(parsePartialDate(form)).toMatchObject({ precision: 'day', from: iso, to: iso });
        },
      ),
    );
  });

  it('reads "A – B" and "с A по B" as a range that holds both days', () => {
    const day = fc.date({ min: new Date('1950-01-01'), max: new Date('2050-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, fc.constantFrom(' - ', ' – ', '—', ' по '), (a, b, sep) => {
        const iso = (d: Date) => isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        const dotted = (d: Date) => iso(d).split('-').reverse().join('.');
        const text = sep === ' по ' ? `с ${dotted(a)} по ${dotted(b)}` : `${dotted(a)}${sep}${dotted(b)}`;
        const range = parsePartialDate(text);
        const [lo, hi] = iso(a) <= iso(b) ? [iso(a), iso(b)] : [iso(b), iso(a)];
        expect(range).toMatchObject({ from: lo, to: hi, precision: lo === hi ? 'day' : 'range' });
      }),
    );
  });

  it('returns unknown for a 100 KB hostile text without parsing it', () => {
    const hostile = '1'.repeat(50_000) + '.'.repeat(50_000);
    expect(parsePartialDate(hostile)).toEqual({ text: hostile, precision: 'unknown', from: null, to: null });
  });
});

describe('ageToBirthRange', () => {
  it.each([
    ['29', '2023-03-12', '1993-03-13', '1994-03-12'],
    ['29 лет', '2023-03-12', '1993-03-13', '1994-03-12'],
    ['29 years', '2023-03-12', '1993-03-13', '1994-03-12'],
    ['29 y.o.', '2023-03-12', '1993-03-13', '1994-03-12'],
    ['21 год', '2023-03-12', '2001-03-13', '2002-03-12'],
    ['22 года', '2023-03-12', '2000-03-13', '2001-03-12'],
    ['29-летний', '2023-03-12', '1993-03-13', '1994-03-12'],
    ['29–30 лет', '2023-03-12', '1992-03-13', '1994-03-12'],
    ['29 лет', 'март 2023', '1993-03-02', '1994-03-31'],
    ['29', '2023', '1993-01-02', '1994-12-31'],
  ])('%s on %s → %s..%s', (age, reference, from, to) => {
    expect(ageToBirthRange(age, reference)).toMatchObject({ text: age, from, to });
  });

  it('accepts a parsed reference date', () => {
    expect(ageToBirthRange('30', parsePartialDate('12 марта 2023'))).toMatchObject({
      from: '1992-03-13',
      to: '1993-03-12',
    });
  });

  it.each([['abc'], ['двадцать'], [''], ['300 лет'], ['29 км']])('returns null for the age %j', (age) => {
    expect(ageToBirthRange(age, '2023-03-12')).toBeNull();
  });

  it('still contains the true birth date when the reference is only a month or a year', () => {
    const day = fc.date({ min: new Date('1930-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, fc.boolean(), (a, b, monthOnly) => {
        const [birth, death] = a <= b ? [a, b] : [b, a];
        const [by, bm, bd] = [birth.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate()];
        const [dy, dm, dd] = [death.getUTCFullYear(), death.getUTCMonth(), death.getUTCDate()];
        const age = dy - by - (dm < bm || (dm === bm && dd < bd) ? 1 : 0);
        const reference = monthOnly ? `${String(dm + 1).padStart(2, '0')}.${dy}` : String(dy);
        const range = ageToBirthRange(`${age} лет`, reference);
        const birthIso = isoDay(by, bm + 1, bd);
        expect((range?.from ?? '9') <= birthIso && birthIso <= (range?.to ?? '')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns null when the reference date is unknown', () => {
    expect(ageToBirthRange('29', 'весной')).toBeNull();
  });

  it('gives a range that contains the true birth date', () => {
    const day = fc.date({ min: new Date('1920-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, fc.constantFrom('', ' лет', ' years', ' y.o.'), (a, b, suffix) => {
        const [birth, ref] = a <= b ? [a, b] : [b, a];
        const by = birth.getUTCFullYear();
        const bm = birth.getUTCMonth();
        const bd = birth.getUTCDate();
        const ry = ref.getUTCFullYear();
        const rm = ref.getUTCMonth();
        const rd = ref.getUTCDate();
        const age = ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
        const birthIso = isoDay(by, bm + 1, bd);
        const range = ageToBirthRange(`${age}${suffix}`, isoDay(ry, rm + 1, rd));
        expect(range).not.toBeNull();
        expect((range?.from ?? '') <= birthIso && birthIso <= (range?.to ?? '')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
