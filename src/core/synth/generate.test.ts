import { describe, expect, it } from 'vitest';
import { CATEGORIES, SOURCE_KINDS } from '../record/record.schemas.js';
import { ageAt, parseIso } from './dates.js';
import { generateEvents, generateRegister } from './generate.js';

const register = generateRegister({ persons: 3000, seed: 'tests' });
const personById = new Map(register.persons.map((p) => [p.person_id, p]));
const truthById = new Map(register.truth.map((t) => [t.record_id, t.person_id]));

describe('generateRegister: determinism', () => {
  it('gives identical output for the same seed', () => {
    const a = generateRegister({ persons: 200, seed: 7 });
    const b = generateRegister({ persons: 200, seed: '7' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives different output for different seeds', () => {
    const a = generateRegister({ persons: 200, seed: 7 });
    const b = generateRegister({ persons: 200, seed: 8 });
    expect(a.persons.map((p) => p.surname)).not.toEqual(b.persons.map((p) => p.surname));
    expect(a.records.map((r) => r.full_name)).not.toEqual(b.records.map((r) => r.full_name));
  });
});

describe('generateRegister: ground truth', () => {
  it('numbers records r000001… in output order, each with exactly one truth row', () => {
    expect(register.records.map((r) => r.record_id)).toEqual(
      register.records.map((_, i) => `r${String(i + 1).padStart(6, '0')}`),
    );
    expect(register.truth.map((t) => t.record_id)).toEqual(register.records.map((r) => r.record_id));
  });

  it('refers every truth row to an emitted record and a generated person, 1–5 records per person', () => {
    const counts = new Map<string, number>();
    for (const t of register.truth) counts.set(t.person_id, (counts.get(t.person_id) ?? 0) + 1);
    expect([...counts.keys()].filter((id) => !personById.has(id))).toEqual([]);
    const wrong = register.persons.filter(
      (p) => counts.get(p.person_id) !== p.record_count || p.record_count < 1 || p.record_count > 5,
    );
    expect(wrong).toEqual([]);
    const mean = register.records.length / register.persons.length;
    expect(mean).toBeGreaterThan(2.2);
    expect(mean).toBeLessThan(2.9);
  });

  it('streams each person before any of its records', () => {
    const seen = new Set<string>();
    for (const e of generateEvents({ persons: 300, seed: 's', shuffleWindow: 50 })) {
      if (e.kind === 'person') seen.add(e.person.person_id);
      else expect(seen.has(e.personId)).toBe(true);
    }
  });

  it('mixes a person’s records apart in the output', () => {
    const adjacentSame = register.truth.filter(
      (t, i) => i > 0 && register.truth[i - 1]?.person_id === t.person_id,
    ).length;
    expect(adjacentSame / register.truth.length).toBeLessThan(0.01);
  });
});

describe('generateRegister: unseen persons', () => {
  it('leaves about the requested share of persons out of every source', () => {
    const reg = generateRegister({ persons: 2000, seed: 'u', unseenShare: 0.3 });
    const unseen = reg.persons.filter((p) => p.record_count === 0);
    expect(unseen.length / reg.persons.length).toBeGreaterThan(0.26);
    expect(unseen.length / reg.persons.length).toBeLessThan(0.34);
    const named = new Set(reg.truth.map((t) => t.person_id));
    expect(unseen.filter((p) => named.has(p.person_id))).toEqual([]);
    expect(named.size).toBe(reg.persons.length - unseen.length);
  });
});

describe('generateRegister: homonyms', () => {
  it('makes exactly the requested share of persons namesakes of another, different person', () => {
    const { persons } = generateRegister({
      persons: 1000,
      seed: 'h',
      homonymShare: 0.1,
      fullHomonymShare: 0.3,
    });
    const namesakes = persons.filter((p) => p.homonym_of !== '');
    expect(namesakes).toHaveLength(100);
    expect(namesakes.filter((p) => p.homonym_kind === 'full')).toHaveLength(30);
    const byId = new Map(persons.map((p) => [p.person_id, p]));
    for (const p of namesakes) {
      const other = byId.get(p.homonym_of);
      expect(other).toBeDefined();
      expect([p.surname, p.given_name]).toEqual([other?.surname, other?.given_name]);
      if (p.homonym_kind === 'full') expect(p.patronymic).toBe(other?.patronymic);
      expect(p.birth_date).not.toBe(other?.birth_date);
    }
  });

  it('makes none when asked for none', () => {
    const { persons } = generateRegister({ persons: 500, seed: 'h', homonymShare: 0 });
    expect(persons.filter((p) => p.homonym_of !== '')).toHaveLength(0);
  });
});

describe('generateRegister: persons', () => {
  it('keeps dates in range, ages at death at least 18, categories canonical', () => {
    const categories = new Set<string>(CATEGORIES);
    const bad = register.persons.filter(
      (p) =>
        p.birth_date < '1960-01-01' ||
        p.birth_date > '2005-12-31' ||
        p.death_date < '2022-02-24' ||
        p.death_date > '2026-10-31' ||
        ageAt(parseIso(p.birth_date), parseIso(p.death_date)) < 18 ||
        !categories.has(p.category) ||
        (p.category === 'pmc_wagner' && p.death_date > '2023-06-30') ||
        (p.category === 'mobilised' && p.death_date < '2022-10-01'),
    );
    expect(bad).toEqual([]);
  });

  it('is mostly men, with prisoners the largest known category', () => {
    const women = register.persons.filter((p) => p.sex === 'female');
    expect(women.length).toBeGreaterThan(0);
    expect(women.length / register.persons.length).toBeLessThan(0.08);
    const count = (c: string): number => register.persons.filter((p) => p.category === c).length;
    for (const c of CATEGORIES.filter((c) => c !== 'prisoner'))
      expect(count('prisoner')).toBeGreaterThan(count(c));
  });

  it('gives women the feminine surname form', () => {
    for (const p of register.persons.filter((q) => q.sex === 'female')) {
      if (/(ов|ев|ёв|ин)$/u.test(p.surname)) throw new Error(`masculine surname for a woman: ${p.surname}`);
      expect(p.patronymic).toMatch(/(овна|евна|ична)$/u);
    }
  });

  it('places name groups in their regions: Tuvan names in Tyva, Buryat names mostly in Buryatia', () => {
    const { persons } = generateRegister({ persons: 8000, seed: 'regions', homonymShare: 0 });
    const share = (group: string, code: string): number => {
      const members = persons.filter((p) => p.name_group === group);
      return members.filter((p) => p.region_code === code).length / members.length;
    };
    expect(share('tuvan', 'RU-TY')).toBeGreaterThan(0.85);
    expect(share('buryat', 'RU-BU')).toBeGreaterThan(0.6);
    expect(share('dagestani', 'RU-DA')).toBeGreaterThan(0.6);
    const inRegion = (code: string): number => persons.filter((p) => p.region_code === code).length;
    expect(inRegion('RU-BA')).toBeGreaterThan(2 * inRegion('RU-MOW'));
  });
});

describe('generateRegister: records', () => {
  it('carries a known source kind, a list, a fake example.org URL and a publication date after the death', () => {
    const kinds = new Set<string>(SOURCE_KINDS);
    const bad = register.records.filter((r) => {
      const person = personById.get(truthById.get(r.record_id) ?? '');
      return (
        !kinds.has(r.source_kind) ||
        r.list === '' ||
        !r.source_url.startsWith('https://example.org/') ||
        !/^\d{4}-\d{2}-\d{2}$/u.test(r.published_at) ||
        r.published_at < (person?.death_date ?? '9999') ||
        r.published_at > '2026-11-30' ||
        r.full_name + r.surname + r.given_name === ''
      );
    });
    expect(bad).toEqual([]);
  });

  it('writes in every source style', () => {
    const lists = new Set(register.records.map((r) => r.list));
    expect([...lists].sort()).toEqual([
      'cemeteries',
      'foreign_press',
      'local_news',
      'obituaries',
      'official',
      'registry_leak',
      'social_media',
      'ukrainian_sources',
    ]);
    const foreign = register.records.filter((r) => r.list === 'foreign_press');
    for (const r of foreign) expect(r.full_name).not.toMatch(/\p{Script=Cyrillic}/u);
    const ukrainian = register.records.filter((r) => r.list === 'ukrainian_sources').map((r) => r.full_name);
    expect(ukrainian.some((n) => /[іїєІЇЄ]/u.test(n))).toBe(true);
    expect(ukrainian.some((n) => /^[A-Za-z' -]+$/u.test(n))).toBe(true);
  });

  it('varies date formats and age wordings', () => {
    const formats = {
      iso: /^\d{4}-\d{2}-\d{2}$/u,
      dmy: /^\d{2}\.\d{2}\.\d{4}$/u,
      ruLong: /^\d{1,2} [а-я]+ \d{4}$/u,
      enLong: /^[A-Z][a-z]+ \d{1,2}, \d{4}$/u,
      year: /^\d{4}$/u,
      ruMonth: /^в [а-я]+( \d{4})?$/u,
    };
    const dates = register.records.flatMap((r) => [r.death_date, r.birth_date]);
    for (const [name, re] of Object.entries(formats))
      expect(
        dates.some((d) => re.test(d)),
        name,
      ).toBe(true);
    const ages = register.records.map((r) => r.age).filter(Boolean);
    expect(ages.some((a) => / (год|года|лет)$/u.test(a))).toBe(true);
    expect(ages.some((a) => /^\d+ years$/u.test(a))).toBe(true);
    expect(ages.some((a) => /^\d+$/u.test(a))).toBe(true);
  });

  it('adds noise by default and none at noise 0', () => {
    const officialName = (noise: number): [string, string][] => {
      const reg = generateRegister({ persons: 1500, seed: 'noise', noise });
      const persons = new Map(reg.persons.map((p) => [p.person_id, p]));
      return reg.records
        .filter((r) => r.list === 'official')
        .map((r, i) => {
          const p = persons.get(reg.truth.find((t) => t.record_id === r.record_id)?.person_id ?? '');
          const given = r.full_name || [r.surname, r.given_name, r.patronymic].join(' ');
          return [
            given.toLowerCase(),
            `${p?.surname ?? i} ${p?.given_name ?? ''} ${p?.patronymic ?? ''}`.toLowerCase(),
          ];
        });
    };
    const clean = officialName(0);
    expect(clean.every(([seen, truth]) => seen === truth)).toBe(true);
    const noisy = officialName(1);
    const differing = noisy.filter(([seen, truth]) => seen !== truth).length / noisy.length;
    expect(differing).toBeGreaterThan(0.1);
    expect(differing).toBeLessThan(0.8);
  });
});
