import { fromDays, parseIso, toDays, formatDate } from './dates.js';
import { makePerson, type Namesake } from './person.js';
import { createRng, pickWeighted, weighted, type Rng } from './prng.js';
import { REGIONS, type SynthRegion } from './regions.data.js';
import type { RenderContext } from './render.js';
import { foreignMedia, ukrainianSource } from './styles-foreign.js';
import { gravePhoto, leakedRegistry, localMedia, officialStatement, relativePost } from './styles-ru.js';
import {
  STYLE_SOURCE,
  synthOptionsSchema,
  type SourceStyle,
  type SynthEvent,
  type SynthOptionsInput,
  type SynthPerson,
  type SynthRecord,
} from './synth.schemas.js';

const STYLES = weighted<SourceStyle>([
  ['relative_post', 24],
  ['local_media', 24],
  ['official_statement', 14],
  ['foreign_media', 10],
  ['grave_photo', 9],
  ['ukrainian', 8],
  ['obituary', 7],
  ['leaked_registry', 4],
]);

const RENDER: Readonly<Record<SourceStyle, (ctx: RenderContext) => SynthRecord>> = {
  relative_post: relativePost,
  local_media: (ctx) => localMedia(ctx),
  official_statement: officialStatement,
  grave_photo: gravePhoto,
  foreign_media: foreignMedia,
  ukrainian: ukrainianSource,
  obituary: (ctx) => localMedia(ctx, true),
  leaked_registry: leakedRegistry,
};

/** Days from the death to the publication, by style. */
const DELAY: Readonly<Record<SourceStyle, readonly [number, number]>> = {
  relative_post: [1, 30],
  local_media: [2, 60],
  official_statement: [7, 120],
  grave_photo: [30, 700],
  foreign_media: [0, 45],
  ukrainian: [0, 20],
  obituary: [3, 90],
  leaked_registry: [5, 60],
};

const RECORD_COUNTS = weighted([
  [1, 25],
  [2, 30],
  [3, 22],
  [4, 13],
  [5, 10],
] as const);

const LAST_PUBLISHED = toDays({ y: 2026, m: 11, d: 30 });
const LEAK = [toDays({ y: 2026, m: 2, d: 10 }), toDays({ y: 2026, m: 2, d: 24 })] as const;
const REGION_BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));
/** Namesakes are drawn from this many most recent persons, so memory stays flat for any size. */
const RECENT = 2000;

function publishedAt(rng: Rng, style: SourceStyle, deathDays: number): string {
  let day: number;
  if (style === 'leaked_registry' && deathDays < LEAK[0]) day = rng.int(LEAK[0], LEAK[1]);
  else day = deathDays + rng.int(...DELAY[style]);
  // Not yet published by the cut-off: spread over what is left rather than piling up on the last day.
  if (day > LAST_PUBLISHED) day = rng.int(Math.min(deathDays, LAST_PUBLISHED), LAST_PUBLISHED);
  return formatDate(fromDays(day), 'iso');
}

function personRecords(rng: Rng, person: SynthPerson, noisy: (p: number) => boolean): SynthRecord[] {
  const region = REGION_BY_CODE.get(person.region_code) as SynthRegion;
  const death = parseIso(person.death_date);
  const ctx: RenderContext = { rng, person, birth: parseIso(person.birth_date), death, region, noisy };
  const out: SynthRecord[] = [];
  for (let k = 0; k < person.record_count; k++) {
    const style = pickWeighted(rng, STYLES);
    const record = RENDER[style](ctx);
    const source = STYLE_SOURCE[style];
    record.list = source.list;
    record.source_kind = source.kind;
    record.source_url = `https://example.org/${source.path}/${rng.int(1_000_000, 99_999_999)}`;
    record.published_at = publishedAt(rng, style, toDays(death));
    out.push(record);
  }
  return out;
}

/** True for the persons (by index) that are made namesakes: exactly floor(n × share) of n. */
function scheduled(index: number, share: number): boolean {
  return Math.floor((index + 1) * share) > Math.floor(index * share);
}

/**
 * Streams a fictional register: each person as soon as made, then its 1–5 source records once
 * they leave a shuffle window (record ids r000001… in output order). Memory stays flat.
 * @example for (const e of generateEvents({ persons: 10, seed: 1 })) if (e.kind === 'record') console.log(e.record)
 */
export function* generateEvents(input: SynthOptionsInput): Generator<SynthEvent> {
  const opts = synthOptionsSchema.parse(input);
  const rng = createRng(opts.seed);
  const noisy = (p: number): boolean => opts.noise > 0 && rng.next() < p * opts.noise;
  const recent: SynthPerson[] = [];
  const pending: { record: SynthRecord; personId: string }[] = [];
  let emitted = 0;
  let namesakes = 0;
  const release = (): SynthEvent => {
    const i = rng.int(0, pending.length - 1);
    const item = pending[i] as (typeof pending)[number];
    pending[i] = pending[pending.length - 1] as (typeof pending)[number];
    pending.pop();
    emitted++;
    item.record.record_id = `r${String(emitted).padStart(6, '0')}`;
    return { kind: 'record', record: item.record, personId: item.personId };
  };
  for (let i = 0; i < opts.persons; i++) {
    let namesake: Namesake | undefined;
    if (i > 0 && scheduled(i, opts.homonymShare)) {
      namesake = {
        of: rng.pick(recent),
        kind: scheduled(namesakes, opts.fullHomonymShare) ? 'full' : 'name',
      };
      namesakes++;
    }
    const person = makePerson(rng, `p${String(i + 1).padStart(6, '0')}`, opts.femaleShare, namesake);
    person.record_count =
      opts.unseenShare > 0 && rng.chance(opts.unseenShare) ? 0 : pickWeighted(rng, RECORD_COUNTS);
    yield { kind: 'person', person };
    for (const record of personRecords(rng, person, noisy)) {
      pending.push({ record, personId: person.person_id });
      if (pending.length >= opts.shuffleWindow) yield release();
    }
    if (recent.length < RECENT) recent.push(person);
    else recent[i % RECENT] = person;
  }
  while (pending.length > 0) yield release();
}

/** The whole register in memory (for tests and small demos): persons, records, and which person each record is about. */
export function generateRegister(input: SynthOptionsInput): {
  persons: SynthPerson[];
  records: SynthRecord[];
  truth: { record_id: string; person_id: string }[];
} {
  const persons: SynthPerson[] = [];
  const records: SynthRecord[] = [];
  const truth: { record_id: string; person_id: string }[] = [];
  for (const event of generateEvents(input)) {
    if (event.kind === 'person') persons.push(event.person);
    else {
      records.push(event.record);
      truth.push({ record_id: event.record.record_id, person_id: event.personId });
    }
  }
  return { persons, records, truth };
}
