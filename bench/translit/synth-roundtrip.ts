// canonicalName against the spellings the synthetic register generator (src/core/synth) prints:
// every surname, given name and patronymic of its pools, in each press system it uses, plus
// diminutives and Ukrainian forms. This is the data the linkage benchmark is scored on.
// Run: node --import tsx bench/translit/synth-roundtrip.ts
import os from 'node:os';
import { canonicalName } from '../../src/core/translit/canonical.js';
import { dmSoundex } from '../../src/core/translit/soundex.js';
import type { NamePart } from '../../src/core/translit/canonical.js';
import {
  DIMINUTIVES,
  ETHNICITIES,
  GIVEN_NAMES,
  UKRAINIAN_FORMS,
} from '../../src/core/synth/names-given.data.js';
import { SURNAMES, feminineSurname } from '../../src/core/synth/names-surnames.data.js';
import { patronymicOf } from '../../src/core/synth/patronymic.js';
import { TRANSLIT_SYSTEMS, transliterate, transliterateUkrainian } from '../../src/core/synth/translit.js';
import { ukrainianName, ukrainianPatronymic } from '../../src/core/synth/ukrainian.js';

type Case = [system: string, cyrillic: string, spelling: string];
const tally = new Map<string, { ok: number; n: number; misses: string[] }>();
let misses = 0;
let missesSharingDm = 0;

function check(part: NamePart, [system, cyrillic, spelling]: Case): void {
  const label = `${part} ${system}`;
  const t = tally.get(label) ?? { ok: 0, n: 0, misses: [] };
  t.n++;
  if (canonicalName(cyrillic, part) === canonicalName(spelling, part)) t.ok++;
  else {
    misses++;
    const codes = new Set(dmSoundex(canonicalName(cyrillic, part)));
    if (dmSoundex(canonicalName(spelling, part)).some((c) => codes.has(c))) missesSharingDm++;
    if (t.misses.length < 4) t.misses.push(`${cyrillic}→${spelling}`);
  }
  tally.set(label, t);
}

function spellings(cyrillic: string, ukrainian: string): Case[] {
  return [
    ...TRANSLIT_SYSTEMS.map((s): Case => [s, cyrillic, transliterate(cyrillic, s)]),
    ['ukrainian cyrillic', cyrillic, ukrainian],
    ['ukrainian latin', cyrillic, transliterateUkrainian(ukrainian)],
  ];
}

const surnames = ETHNICITIES.flatMap((e) => SURNAMES[e].flatMap((s) => [s, feminineSurname(s)]));
for (const s of new Set(surnames)) for (const c of spellings(s, ukrainianName(s))) check('surname', c);

const given = new Set(ETHNICITIES.flatMap((e) => [...GIVEN_NAMES[e].male, ...GIVEN_NAMES[e].female]));
for (const g of given) for (const c of spellings(g, ukrainianName(g))) check('given', c);
for (const [full, dims] of Object.entries(DIMINUTIVES))
  for (const d of dims) check('given', ['diminutive', full, d]);
for (const [full, forms] of Object.entries(UKRAINIAN_FORMS)) {
  for (const f of forms) {
    check('given', ['ukrainian form', full, f]);
    check('given', ['ukrainian form latin', full, transliterateUkrainian(f)]);
  }
}

const fathers = new Set(ETHNICITIES.flatMap((e) => GIVEN_NAMES[e].fathers));
for (const f of fathers) {
  for (const sex of ['male', 'female'] as const) {
    const p = patronymicOf(f, sex);
    for (const c of spellings(p, ukrainianPatronymic(ukrainianName(f), sex))) check('patronymic', c);
  }
}

console.log(`machine: ${os.cpus().length} cores, node ${process.version}`);
let ok = 0;
let n = 0;
for (const [label, t] of [...tally.entries()].sort()) {
  ok += t.ok;
  n += t.n;
  const pct = ((100 * t.ok) / t.n).toFixed(1).padStart(5);
  console.log(`${label.padEnd(34)} ${pct}% of ${String(t.n).padStart(4)}  ${t.misses.join('  ')}`);
}
console.log(`all: ${((100 * ok) / n).toFixed(2)}% of ${n}`);
console.log(
  `misses whose keys share a Daitch–Mokotoff code (found by DM blocking): ${missesSharingDm} of ${misses}`,
);
