import { canonicalName } from '../translit/canonical.js';
import { nameKey, splitFullName } from './split-name.js';

/** A person's name parts, as the persons table holds them. */
export interface NameParts {
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
}

const part = (text: string | null, kind: 'surname' | 'given' | 'patronymic'): string => (text === null || text.trim() === '' ? '' : canonicalName(text, kind));

function join(keys: readonly string[]): string {
  let end = keys.length;
  while (end > 0 && keys[end - 1] === '') end--;
  return keys.slice(0, end).join(' ');
}

/**
 * The spelling-independent search key of a name: the canonical key of the surname, the given name and the
 * patronymic (core/translit), in that order, so "Щербаков Евгений", "Yevgeny Shcherbakov" and "Jevgenij
 * Sjtjerbakov" share one key and a search in either script finds the others. Trailing missing parts are left
 * out, so a search for the surname alone matches by prefix.
 * @example canonicalSearchKey({ surname: 'Щербаков', givenName: 'Евгений', patronymic: null }) // 'shcherbakov evgeni'
 */
export function canonicalSearchKey(n: NameParts): string {
  return join([part(n.surname, 'surname'), part(n.givenName, 'given'), part(n.patronymic, 'patronymic')]);
}

/**
 * The canonical key a typed search reads by prefix: one word is (the start of) a surname, as in the name-key
 * search; more are split as a name (surname first, given first, or "Surname, Given"). Null when it has no letters.
 */
export function canonicalQueryKey(query: string): string | null {
  const words = query.split(/[\s,]+/).filter((w) => w !== '');
  const split = words.length === 1 ? { surname: words[0] ?? null, given: null, patronymic: null } : splitFullName(query);
  const key = canonicalSearchKey({ surname: split.surname, givenName: split.given, patronymic: split.patronymic });
  return key === '' ? null : key;
}

/** A person's name columns as the persons table holds them (values may be missing). */
export interface NameColumnValues {
  surname?: string | null | undefined;
  given_name?: string | null | undefined;
  patronymic?: string | null | undefined;
  full_name?: string | null | undefined;
}

/**
 * Both search keys of a person's name columns, as an import computes them: the name key (the parts surname
 * first, else the full name) and the canonical key. For a name that changed (a correction, a filled-in part).
 */
export function personNameKeys(n: NameColumnValues): { name_key: string; canon_key: string } {
  const part = (v: string | null | undefined): string | null => (typeof v === 'string' ? v : null);
  const [surname, givenName, patronymic] = [part(n.surname), part(n.given_name), part(n.patronymic)];
  const parts = [surname, givenName, patronymic].filter((p): p is string => p !== null);
  return {
    name_key: nameKey(parts.join(' ') || (part(n.full_name) ?? '')),
    canon_key: canonicalSearchKey({ surname, givenName, patronymic }),
  };
}
