import { describe, expect, it } from 'vitest';
import { generateRegister } from './generate.js';
import { ETHNICITIES, GIVEN_NAMES } from './names-given.data.js';
import {
  feminineSurname,
  REAL_FULL_NAME_BLOCKLIST,
  REAL_SURNAME_BLOCKLIST,
  SURNAMES,
} from './names-surnames.data.js';
import { patronymicOf } from './patronymic.js';
import { makePerson } from './person.js';
import { createRng } from './prng.js';

const fold = (s: string): string => s.replaceAll('ё', 'е');

describe('name pools', () => {
  it('hold no surname of a well-known public figure', () => {
    const blocked = new Set(REAL_SURNAME_BLOCKLIST.map(fold));
    const pooled = ETHNICITIES.flatMap((g) => SURNAMES[g]);
    expect(pooled.filter((s) => blocked.has(fold(s)) || blocked.has(fold(feminineSurname(s))))).toEqual([]);
  });

  it('derive a well-formed patronymic from every father’s name', () => {
    const fathers = ETHNICITIES.flatMap((g) => GIVEN_NAMES[g].fathers);
    expect(fathers.filter((f) => !/(ович|евич|ич)$/u.test(patronymicOf(f, 'male')))).toEqual([]);
    expect(fathers.filter((f) => !/(овна|евна|ична)$/u.test(patronymicOf(f, 'female')))).toEqual([]);
  });
});

describe('generated persons', () => {
  const { persons } = generateRegister({ persons: 4000, seed: 'names', homonymShare: 0.1 });

  it('are made only of common name parts from the pools', () => {
    const surnames = new Set(ETHNICITIES.flatMap((g) => SURNAMES[g].flatMap((s) => [s, feminineSurname(s)])));
    const given = new Set(ETHNICITIES.flatMap((g) => [...GIVEN_NAMES[g].male, ...GIVEN_NAMES[g].female]));
    const fathers = new Set(ETHNICITIES.flatMap((g) => GIVEN_NAMES[g].fathers));
    const odd = persons.filter(
      (p) => !surnames.has(p.surname) || !given.has(p.given_name) || !fathers.has(p.father_name),
    );
    expect(odd).toEqual([]);
  });

  it('never carry the full name of a listed public figure, even when made a full namesake of one', () => {
    const blocked = new Set(REAL_FULL_NAME_BLOCKLIST);
    expect(persons.filter((p) => blocked.has(`${p.surname} ${p.given_name} ${p.patronymic}`))).toEqual([]);
    const [model] = persons;
    if (!model) throw new Error('no persons');
    const real = {
      ...model,
      sex: 'male' as const,
      surname: 'Иванов',
      given_name: 'Сергей',
      patronymic: 'Борисович',
      father_name: 'Борис',
    };
    const copy = makePerson(createRng('x'), 'p9', 0, { of: real, kind: 'full' });
    expect(`${copy.surname} ${copy.given_name}`).toBe('Иванов Сергей');
    expect(copy.patronymic).not.toBe('Борисович');
  });
});
