import { z } from 'zod';
import type { RecordColumn } from '../record/record.schemas.js';
import type { Category, SourceKind } from '../record/record.schemas.js';
import type { Ethnicity } from './names-given.data.js';

/** Options of the synthetic register generator. */
export const synthOptionsSchema = z.object({
  /** How many fictional persons (each gets 1–5 source records). */
  persons: z.number().int().min(0).max(10_000_000),
  /** Any text or number; the same seed always gives byte-identical output. */
  seed: z.union([z.string(), z.number()]).transform(String),
  /** Share of persons made as namesakes (same surname and given name) of an earlier, different person. */
  homonymShare: z.number().min(0).max(0.5).default(0.05),
  /** Of those namesakes, the share that also share the patronymic. */
  fullHomonymShare: z.number().min(0).max(1).default(0.3),
  /** Share of women among the dead. */
  femaleShare: z.number().min(0).max(1).default(0.01),
  /** Multiplies every noise probability: 0 gives clean records, 1 the default mess, 2 a lot. */
  noise: z.number().min(0).max(3).default(1),
  /**
   * Share of persons (drawn at random) who die but appear in no source: they are in persons.csv with
   * record_count 0, so an estimate of the unseen toll can be checked against the truth. 0 by default.
   */
  unseenShare: z.number().min(0).max(0.95).default(0),
  /** Records are shuffled within a window of this many, so a person's records do not sit together. */
  shuffleWindow: z.number().int().min(1).max(1_000_000).default(4096),
});
export type SynthOptionsInput = z.input<typeof synthOptionsSchema>;
export type SynthOptions = z.output<typeof synthOptionsSchema>;

/** The truth about one fictional person (persons.csv). */
export interface SynthPerson {
  person_id: string;
  sex: 'male' | 'female';
  surname: string;
  given_name: string;
  patronymic: string;
  father_name: string;
  name_group: Ethnicity;
  birth_date: string;
  region_code: string;
  region: string;
  death_date: string;
  death_place: string;
  category: Category;
  rank: string;
  unit: string;
  /** The person_id of an earlier, different person this one was made a namesake of ('' if none). */
  homonym_of: string;
  /** 'name' (surname + given name) or 'full' (with patronymic) for namesakes, else ''. */
  homonym_kind: '' | 'name' | 'full';
  record_count: number;
}

/** Columns of persons.csv, in order. */
export const PERSON_COLUMNS: readonly (keyof SynthPerson)[] = [
  'person_id',
  'sex',
  'surname',
  'given_name',
  'patronymic',
  'father_name',
  'name_group',
  'birth_date',
  'region_code',
  'region',
  'death_date',
  'death_place',
  'category',
  'rank',
  'unit',
  'homonym_of',
  'homonym_kind',
  'record_count',
];

/** One generated source record: every record column, '' where the source says nothing. */
export type SynthRecord = Record<RecordColumn, string>;

/** The source styles the generator writes records in (a source kind plus a language or habit). */
export type SourceStyle =
  | 'relative_post'
  | 'local_media'
  | 'official_statement'
  | 'grave_photo'
  | 'foreign_media'
  | 'ukrainian'
  | 'obituary'
  | 'leaked_registry';

/** The source kind and list name each style's records carry. */
export const STYLE_SOURCE: Readonly<Record<SourceStyle, { kind: SourceKind; list: string; path: string }>> = {
  relative_post: { kind: 'relative_post', list: 'social_media', path: 'social/post' },
  local_media: { kind: 'local_media', list: 'local_news', path: 'news' },
  official_statement: { kind: 'official_statement', list: 'official', path: 'gov/announcement' },
  grave_photo: { kind: 'grave_photo', list: 'cemeteries', path: 'graves/photo' },
  foreign_media: { kind: 'foreign_media', list: 'foreign_press', path: 'world/article' },
  ukrainian: { kind: 'enemy_claim', list: 'ukrainian_sources', path: 'ua/post' },
  obituary: { kind: 'obituary', list: 'obituaries', path: 'obituaries' },
  leaked_registry: { kind: 'leaked_registry', list: 'registry_leak', path: 'leak/row' },
};

/** An item of the generator's stream: a person as soon as made, records as they leave the shuffle window. */
export type SynthEvent =
  { kind: 'person'; person: SynthPerson } | { kind: 'record'; record: SynthRecord; personId: string };
