// Round-trip accuracy of canonicalName on the spellings nameVariants generates:
// share of (name, system) variants whose key equals the key of the Cyrillic original.
// Run: node --import tsx bench/translit/accuracy.ts
import os from 'node:os';
import pairs from '../../src/core/translit/fixtures/name-pairs.json' with { type: 'json' };
import { canonicalName } from '../../src/core/translit/canonical.js';
import type { NamePart } from '../../src/core/translit/canonical.js';
import { GIVEN_NAME_TABLE, PATRONYMIC_TABLE } from '../../src/core/translit/given-names.data.js';
import { VARIANT_SYSTEMS, nameVariantsBySystem } from '../../src/core/translit/variants.js';
import type { VariantSystem } from '../../src/core/translit/variants.js';
import {
  seededRandom,
  syntheticPatronymic,
  syntheticSurname,
} from '../../src/core/translit/fixtures/synthetic-names.js';

const N = Number(process.env.N ?? 5000);
const rand = seededRandom(42);
const commonSurnames = [...new Set(pairs.surname.map(([c = '']) => c))];
const sets: [string, NamePart, string[]][] = [
  ['common surnames (fixture table)', 'surname', commonSurnames],
  ['synthetic surnames', 'surname', Array.from({ length: N }, () => syntheticSurname(rand))],
  ['synthetic patronymics', 'patronymic', Array.from({ length: N / 5 }, () => syntheticPatronymic(rand))],
  ['given names (table)', 'given', GIVEN_NAME_TABLE.map((r) => (r.split(':')[0] ?? '').trim())],
  [
    'patronymics (table)',
    'patronymic',
    PATRONYMIC_TABLE.flatMap((r) => (r.split(':')[0] ?? '').split(',').map((s) => s.trim())),
  ],
];

console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`);
for (const [label, part, names] of sets) {
  const ok = new Map<VariantSystem, number>(VARIANT_SYSTEMS.map((s) => [s, 0]));
  const examples = new Map<VariantSystem, string[]>();
  for (const name of names) {
    const key = canonicalName(name, part);
    const variants = nameVariantsBySystem(name, part);
    for (const sys of VARIANT_SYSTEMS) {
      if (canonicalName(variants[sys], part) === key) ok.set(sys, (ok.get(sys) ?? 0) + 1);
      else {
        const list = examples.get(sys) ?? [];
        if (list.length < 3) list.push(`${name}→${variants[sys]}`);
        examples.set(sys, list);
      }
    }
  }
  const total = names.length * VARIANT_SYSTEMS.length;
  const allOk = [...ok.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${label}: ${names.length} names, overall ${((100 * allOk) / total).toFixed(2)}%`);
  for (const sys of VARIANT_SYSTEMS) {
    const pct = ((100 * (ok.get(sys) ?? 0)) / names.length).toFixed(2);
    console.log(`  ${sys.padEnd(20)} ${pct.padStart(6)}%  ${(examples.get(sys) ?? []).join('  ')}`);
  }
}
