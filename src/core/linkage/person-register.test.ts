import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../synth/generate.js';
import type { RawRow } from './dataset.js';
import { explainPair } from './explain.js';
import { bCubed, pairwiseOfClusters } from './metrics.js';
import { preparePersonRecord } from './person-register.js';
import { phoneticKey } from './phonetic-key.js';
import { runLinkage } from './run-linkage.js';
import { parseSettings } from './settings.schemas.js';

const settings = parseSettings(JSON.parse(readFileSync(new URL('settings/person-register.json', import.meta.url), 'utf8')));

describe('person-register preparation', () => {
  it('gives one key to Cyrillic, Latin and diminutive spellings, in any name order', () => {
    const a = preparePersonRecord({ full_name: 'Щербаков Сергей Иванович' });
    const b = preparePersonRecord({ full_name: 'Serhii Shcherbakov' });
    const c = preparePersonRecord({ surname: 'Щербаков', given_name: 'Серёжа' });
    expect(a.surname_key).toBe(b.surname_key);
    expect(a.surname_key).toBe(c.surname_key);
    expect(a.given_key).toBe(b.given_key);
    expect(a.given_key).toBe(c.given_key);
    expect(a.patronymic_key).not.toBe('');
    expect(b.patronymic_key).toBe('');
  });

  it('turns a stated age into a birth range and keeps partial dates at their precision', () => {
    const r = preparePersonRecord({ full_name: 'Иван Петров', age: '29 лет', death_date: '12.03.2023' });
    expect(r.birth_from).toBe('1993-03-13');
    expect(r.birth_to).toBe('1994-03-12');
    expect(r.birth_value).toBe('');
    expect(r.death_value).toBe('2023-03-12');
    const p = preparePersonRecord({ full_name: 'Иван Петров', birth_date: 'март 1994', death_date: '2023' });
    expect(p.birth_value).toBe('1994-03');
    expect(p.death_value).toBe('2023');
    expect(p.death_month).toBe('');
  });

  it('widens an age-derived range when only the publication date is known', () => {
    const r = preparePersonRecord({ full_name: 'Иван Петров', age: '29', published_at: '2023-03-12' });
    expect(r.birth_from).toBe('1992-03-13');
    expect(r.birth_to).toBe('1994-03-12');
  });

  it('dates a death written without a year from the publication, never after it', () => {
    expect(preparePersonRecord({ given_name: 'Рустам', death_date: 'в марте', published_at: '2023-03-17' }).death_month).toBe('2023-03');
    expect(preparePersonRecord({ given_name: 'Рустам', death_date: 'в декабре', published_at: '2024-01-05' }).death_month).toBe('2023-12');
    expect(preparePersonRecord({ given_name: 'Рустам', death_date: 'в марте' }).death_month).toBe('');
  });

  it('bounds an unknown death by the publication date without inventing a death date', () => {
    const r = preparePersonRecord({ given_name: 'Баир', published_at: '2023-08-30' });
    expect(r.death_value).toBe('');
    expect(r.death_month).toBe('');
    expect(r.death_to).toBe('2023-08-30');
  });

  it('gives an age-derived birth range and an exact birth date inside it a common blocking year', () => {
    const ranged = preparePersonRecord({ given_name: 'Сёма', age: '62 года', published_at: '2025-02-17' });
    const exact = preparePersonRecord({ full_name: 'Громов Семён', birth_date: '12.10.1962' });
    const years = (r: RawRow): string[] => [r.birth_lo, r.birth_mid, r.birth_hi].filter((y): y is string => y !== undefined && y !== '');
    expect(years(exact)).toEqual(['1962', '1962', '1962']);
    expect(years(ranged).some((y) => y === '1962')).toBe(true);
    expect(years(preparePersonRecord({ given_name: 'Сёма', birth_date: '1950-1960' }))).toEqual([]);
  });

  it('takes a record without a death date to report a death of the weeks before its publication', () => {
    const post = preparePersonRecord({ given_name: 'Баир', age: '30 лет', published_at: '2023-08-30' });
    expect([post.death_recent_from, post.death_recent_to]).toEqual(['2023-07-01', '2023-08-30']);
    expect([post.report_month, post.report_month_before]).toEqual(['2023-08', '2023-07']);
    // The stated age with that assumption: a narrower birth range than with a year's reporting lag.
    expect(post.birth_recent_from).toBe('1992-07-02');
    expect(post.birth_from).toBe('1991-08-31');
    expect(post.birth_recent_to).toBe(post.birth_to);
    const dated = preparePersonRecord({ given_name: 'Баир', death_date: 'в июле 2023', published_at: '2023-08-30' });
    expect([dated.death_recent_from, dated.death_recent_to, dated.report_month, dated.report_month_before]).toEqual(['2023-07-01', '2023-07-31', '2023-07', '2023-07']);
  });

  it('keys region, federal district, and a federal city with its region', () => {
    const city = preparePersonRecord({ given_name: 'Иван', region: 'Москва' });
    const around = preparePersonRecord({ given_name: 'Иван', region: 'Подмосковье' });
    expect(city.region_key).not.toBe(around.region_key);
    expect(city.region_area).toBe(around.region_area);
    expect(preparePersonRecord({ region: 'Тверская область' }).region_district).toBe(city.region_district);
    expect(preparePersonRecord({ region: 'неизвестно' }).region_key).toBe('');
  });

  it('keys what a record says about service, in Russian or English', () => {
    const ru = preparePersonRecord({ given_name: 'Иван', rank: 'младший сержант', unit: 'в/ч 12345', category: 'мобилизованный', death_place: 'Угледар' });
    const en = preparePersonRecord({ given_name: 'Ivan', rank: 'junior sergeant', unit: 'войсковая часть 12345', category: 'mobilised reservist', death_place: 'в зоне СВО' });
    expect([ru.rank_key, ru.unit_key, ru.category_key]).toEqual([en.rank_key, en.unit_key, en.category_key]);
    expect(ru.place_key).toBe('угледар');
    expect(en.place_key).toBe('');
  });

  it('folds typo-prone consonants in the sound key', () => {
    expect(phoneticKey('smirnov')).toBe(phoneticKey('smernof'));
    expect(phoneticKey('ivanov')).not.toBe(phoneticKey('petrov'));
  });
});

describe('person-register linkage on a small synthetic register', () => {
  const { records, truth } = generateRegister({ persons: 400, seed: 'linkage-test' });
  const run = runLinkage(settings, records.map((r) => preparePersonRecord(r as unknown as RawRow)), undefined);
  const entity = truth.map((t) => t.person_id);

  it('puts records of one person together and keeps namesakes apart', () => {
    const clusters = Array.from(run.clusters);
    expect(pairwiseOfClusters(clusters, entity).precision).toBeGreaterThan(0.95);
    expect(bCubed(clusters, entity).f1).toBeGreaterThan(0.85);
    expect(clusters).toHaveLength(records.length);
  });

  it('explains a pair with a joint name-frequency term when the full name agrees', () => {
    const a = { surname: 'Иванов', given_name: 'Иван', patronymic: 'Иванович', birth_date: '01.02.1990' };
    const ex = explainPair(run.model, a, { full_name: 'Ivan Ivanovich Ivanov', birth_date: '1990-02-01' });
    expect(ex.terms.some((t) => t.comparison.includes('joint frequency'))).toBe(true);
    expect(ex.terms.find((t) => t.comparison === 'birth_date')?.label).toBe('exact');
    expect(ex.probability).toBeGreaterThan(0.5);
  });

  it('does not count agreement on a full name seen only twice as evidence against a match', () => {
    const counts = new Map<string, number>();
    const prepared = records.map((r) => preparePersonRecord(r as unknown as RawRow));
    for (const r of prepared) if (r.full_name_key) counts.set(r.full_name_key, (counts.get(r.full_name_key) ?? 0) + 1);
    const twice = prepared.find((r) => r.full_name_key !== undefined && counts.get(r.full_name_key) === 2);
    expect(twice).toBeDefined();
    const [surname = '', given = '', patronymic = ''] = (twice?.full_name_key ?? '').split(' ');
    const ex = explainPair(run.model, { surname, given_name: given, patronymic }, { surname, given_name: given, patronymic });
    expect(ex.terms.find((t) => t.comparison.includes('joint frequency'))?.weight).toBeGreaterThan(-3);
  });

  it('counts a death in the weeks before the other record was published for a match, and an older one less', () => {
    const official = { full_name: 'Галимов Ильназ Рашитович', death_date: '11.01.2025', published_at: '2025-02-01' };
    const term = (publishedAt: string): number =>
      explainPair(run.model, official, { full_name: 'Ильназ Галимов', published_at: publishedAt }).terms.find((t) => t.comparison === 'death_date')?.weight ?? NaN;
    expect(term('2025-02-17')).toBeGreaterThan(1);
    expect(term('2025-02-17')).toBeGreaterThan(term('2025-09-17'));
  });

  it('links the same full name with no dates on one side, and lets a death after the other record was published count against', () => {
    const official = { full_name: 'Галимов Ильназ Рашитович', birth_date: '18.09.2002', death_date: '11.01.2025', published_at: '2025-02-01' };
    const post = { full_name: 'Ильназ Рашитович Галимов', published_at: '2025-02-17' };
    expect(explainPair(run.model, official, post).probability).toBeGreaterThan(0.5);
    const early = explainPair(run.model, official, { ...post, published_at: '2023-05-04' });
    expect(early.terms.find((t) => t.comparison === 'death_date')?.weight).toBeLessThan(0);
  });
});
