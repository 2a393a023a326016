import { GIVEN_NAME_TABLE, PATRONYMIC_TABLE } from './given-names.data.js';
import { russianPatronymic, ukrainianPatronymics } from './patronymic-rules.js';
import { surfaceKey } from './surface-key.js';

/** Alias key → canonical key, plus any alias that pointed at two different names. */
export interface AliasIndex {
  readonly map: ReadonlyMap<string, string>;
  readonly conflicts: readonly string[];
}

function splitList(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim().replace(/^\*/, ''))
    .filter((s) => s.length > 0);
}

function buildIndex(rows: readonly (readonly [readonly string[], readonly string[]])[]): AliasIndex {
  const map = new Map<string, string>();
  const conflicts: string[] = [];
  const canonicalKeys = new Set<string>();
  for (const [canon] of rows) for (const c of canon) canonicalKeys.add(surfaceKey(c));
  for (const [canon, aliases] of rows) {
    // aliases line up with canonical forms by sex when two are given (male, female, male, female...)
    aliases.forEach((alias, i) => {
      const target = surfaceKey(canon[i % canon.length] ?? '');
      const key = surfaceKey(alias);
      if (key === target) return;
      const existing = map.get(key);
      if ((existing !== undefined && existing !== target) || canonicalKeys.has(key)) {
        conflicts.push(`${alias} (${key})`);
        return;
      }
      map.set(key, target);
    });
  }
  return { map, conflicts };
}

let given: AliasIndex | undefined;
let patronymic: AliasIndex | undefined;

/** Index of given-name variants (diminutives, Ukrainian and conventional forms) to full names. */
export function givenAliases(): AliasIndex {
  given ??= buildIndex(
    GIVEN_NAME_TABLE.map((row) => {
      const [canon = '', rest = ''] = row.split(':');
      return [[canon.trim()], splitList(rest)] as const;
    }),
  );
  return given;
}

const UKRAINIAN_ONLY = /[іїєґ]/;

/** Rows derived from the given-name table: Ukrainian patronymics of each Ukrainian form. */
function derivedPatronymicRows(): (readonly [readonly string[], readonly string[]])[] {
  const rows: (readonly [readonly string[], readonly string[]])[] = [];
  for (const row of GIVEN_NAME_TABLE) {
    const [canon = '', rest = ''] = row.split(':');
    const russian = canon.trim();
    const ukrainian = rest
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('*') || UKRAINIAN_ONLY.test(s.toLowerCase()))
      .map((s) => s.replace(/^\*/, ''));
    ukrainian.push(russian); // many names are spelt alike (Лев, Кузьма): their Ukrainian patronymic differs
    for (const sex of ['male', 'female'] as const) {
      const target = russianPatronymic(russian, sex);
      if (target === undefined) continue;
      rows.push([[target], ukrainian.flatMap((u) => ukrainianPatronymics(u, sex))]);
    }
  }
  return rows;
}

/** Index of Ukrainian patronymic forms to Russian ones (table plus forms derived by rule). */
export function patronymicAliases(): AliasIndex {
  patronymic ??= buildIndex([
    ...PATRONYMIC_TABLE.map((row) => {
      const [canon = '', rest = ''] = row.split(':');
      return [splitList(canon), splitList(rest)] as const;
    }),
    ...derivedPatronymicRows(),
  ]);
  return patronymic;
}
