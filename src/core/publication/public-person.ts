import { DEFAULT_RULE } from '../verification/confirmation-rule.js';
import type { PartialDate, PublicPerson } from '../release/release.schemas.js';
import { categorySchema, type SourceKind } from '../record/record.schemas.js';
import { rankClass } from './rank-class.js';

/** The register's view of a confirmed person that the public projection reads (never source identities). */
export interface ConfirmedPersonData {
  id: string;
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  fullName: string | null;
  nameLatin: string;
  sex: string | null;
  birth: PartialDate | null;
  ageText: string | null;
  regionCode: string;
  category: string;
  rank: string | null;
  unit: string | null;
  death: PartialDate | null;
  firstConfirmedAt: string;
  sources: { url: string | null; kind: SourceKind; publishedAt: string | null; public: boolean }[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

function days(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

function ageAtDeath(birth: PartialDate | null, death: PartialDate | null, ageText: string | null): number | null {
  const stated = ageText === null ? null : /(\d{1,3})/.exec(ageText)?.[1];
  if (stated !== undefined && stated !== null && Number(stated) <= 120) return Number(stated);
  if (!birth?.from || !birth.to || !death?.from || !death.to) return null;
  const mid = (a: string, b: string): number => (days(a) + days(b)) / 2;
  const span = days(birth.to) - days(birth.from) + (days(death.to) - days(death.from));
  if (span > 400) return null; // too vague to give an age
  return Math.floor((mid(death.from, death.to) - mid(birth.from, birth.to)) / 365.2425);
}

/**
 * Projects a confirmed person onto the public allowlist. Without a known death date, the publication date of
 * the earliest confirming source is used and flagged (`deathDateFromSource`).
 */
export function toPublicPerson(p: ConfirmedPersonData, qualifyingKinds: readonly SourceKind[] = DEFAULT_RULE.qualifyingKinds): PublicPerson {
  let death = p.death !== null && p.death.precision !== 'unknown' ? p.death : null;
  let deathDateFromSource = false;
  if (death === null) {
    const earliest = p.sources
      .filter((s) => qualifyingKinds.includes(s.kind) && s.publishedAt !== null && ISO_DAY.test(s.publishedAt))
      .map((s) => (s.publishedAt ?? '').slice(0, 10))
      .sort()[0];
    if (earliest !== undefined) {
      death = { text: earliest, precision: 'day', from: earliest, to: earliest };
      deathDateFromSource = true;
    }
  }
  const category = categorySchema.safeParse(p.category);
  const urls = [...new Set(p.sources.filter((s) => s.public && s.url !== null && /^https?:\/\//i.test(s.url)).map((s) => s.url ?? ''))].sort();
  return {
    id: p.id,
    surname: p.surname ?? p.fullName ?? '—',
    givenName: p.givenName,
    patronymic: p.patronymic,
    nameLatin: p.nameLatin,
    sex: p.sex === 'male' || p.sex === 'female' ? p.sex : 'unknown',
    birthDate: p.birth !== null && p.birth.precision !== 'unknown' ? p.birth : null,
    ageAtDeath: ageAtDeath(p.birth, death, p.ageText),
    region: p.regionCode,
    category: category.success ? category.data : 'unknown',
    rank: p.rank,
    rankClass: rankClass(p.rank),
    unit: p.unit,
    deathDate: death,
    deathDateFromSource,
    sources: urls.slice(0, 50),
    firstConfirmedAt: p.firstConfirmedAt.slice(0, 10),
  };
}
