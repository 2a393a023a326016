import { GIVEN_NAMES, ETHNICITIES, type Ethnicity } from './names-given.data.js';
import { feminineSurname, REAL_FULL_NAME_BLOCKLIST, SURNAMES } from './names-surnames.data.js';
import { patronymicOf } from './patronymic.js';
import { byRank, pickWeighted, weighted, type Rng, type Weighted } from './prng.js';
import { REGIONS, type SynthRegion } from './regions.data.js';
import { iso, pickBirthDate, pickCategory, pickDeathDate, pickDeathPlace, pickService } from './life.js';
import type { SynthPerson } from './synth.schemas.js';

const REGION_LIST = weighted(REGIONS.map((r) => [r, r.weight] as const));
const REGION_BY_GROUP = Object.fromEntries(
  ETHNICITIES.map((g) => [g, weighted(REGIONS.map((r) => [r, r.weight * (r.mix[g] ?? 0)] as const))]),
) as Record<Ethnicity, Weighted<SynthRegion>>;
const GROUPS_BY_REGION = new Map(
  REGIONS.map((r) => [r.code, weighted(ETHNICITIES.map((g) => [g, r.mix[g] ?? 0] as const))]),
);

interface Pools {
  male: Weighted<string>;
  female: Weighted<string>;
  fathers: Weighted<string>;
  surnames: Weighted<string>;
}
const POOLS = Object.fromEntries(
  ETHNICITIES.map((g) => {
    const given = GIVEN_NAMES[g];
    const pools: Pools = {
      male: byRank(given.male),
      female: byRank(given.female),
      fathers: byRank(given.fathers, 5),
      // Flatter for the long Slavic list: the commonest surname is about 1.3% of people, as Смирнов is.
      surnames: byRank(SURNAMES[g], g === 'slavic' ? 30 : 8),
    };
    return [g, pools];
  }),
) as Record<Ethnicity, Pools>;
const BLOCKED = new Set(REAL_FULL_NAME_BLOCKLIST);

/** Whom a namesake copies, and how much of the name. */
export interface Namesake {
  of: SynthPerson;
  kind: 'name' | 'full';
}

function groupsOf(region: SynthRegion | undefined): Weighted<Ethnicity> {
  const groups = region ? GROUPS_BY_REGION.get(region.code) : undefined;
  if (!groups) throw new Error('region without name groups');
  return groups;
}

function givenPool(rng: Rng, group: Ethnicity): Pools {
  return rng.chance(GIVEN_NAMES[group].slavicShare) ? POOLS.slavic : POOLS[group];
}

function fatherName(rng: Rng, group: Ethnicity): string {
  return pickWeighted(rng, givenPool(rng, group).fathers);
}

/** Makes one fictional person; a namesake copies another person's name but lives a different life. */
export function makePerson(
  rng: Rng,
  personId: string,
  femaleShare: number,
  namesake?: Namesake,
): SynthPerson {
  const source = namesake?.of;
  const sex = source ? source.sex : rng.chance(femaleShare) ? 'female' : 'male';
  const home = source ? undefined : pickWeighted(rng, REGION_LIST);
  const group = source ? source.name_group : pickWeighted(rng, groupsOf(home));
  const region = home ?? pickWeighted(rng, REGION_BY_GROUP[group]);
  let surname = source?.surname ?? pickWeighted(rng, POOLS[group].surnames);
  if (!source && sex === 'female') surname = feminineSurname(surname);
  const given =
    source?.given_name ??
    pickWeighted(rng, sex === 'male' ? givenPool(rng, group).male : givenPool(rng, group).female);
  let father = namesake?.kind === 'full' ? namesake.of.father_name : fatherName(rng, group);
  let patronymic = namesake?.kind === 'full' ? namesake.of.patronymic : patronymicOf(father, sex);
  while (BLOCKED.has(`${surname} ${given} ${patronymic}`)) {
    father = fatherName(rng, group);
    patronymic = patronymicOf(father, sex);
  }
  const death = pickDeathDate(rng);
  const category = pickCategory(rng, death);
  let birth = iso(pickBirthDate(rng, death, category));
  if (source && birth === source.birth_date) birth = `${Number(birth.slice(0, 4)) - 1}${birth.slice(4)}`;
  const service = pickService(rng, category);
  return {
    person_id: personId,
    sex,
    surname,
    given_name: given,
    patronymic,
    father_name: father,
    name_group: group,
    birth_date: birth,
    region_code: region.code,
    region: region.ru,
    death_date: iso(death),
    death_place: pickDeathPlace(rng),
    category,
    rank: service.rank,
    unit: service.unit,
    homonym_of: source?.person_id ?? '',
    homonym_kind:
      namesake?.kind === 'full' && patronymic !== namesake.of.patronymic ? 'name' : (namesake?.kind ?? ''),
    record_count: 0,
  };
}
