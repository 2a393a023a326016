import { nameKey, splitFullName } from './split-name.js';

/** The name columns a person row and a claim row share. */
export interface NameColumns {
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
}

const text = (v: string | null | undefined): string | null => {
  const t = v?.trim() ?? '';
  return t === '' ? null : t;
};

/**
 * A name as given (the parts surname first, else the full name) and its search key, computed exactly as an
 * imported record's person name key is (a full name alone is split first, so the key is surname first).
 * Null when there is no name.
 * @example nameAlias({ surname: null, given_name: null, patronymic: null, full_name: 'Yevgeny Shcherbakov' })
 * // { alias: 'Yevgeny Shcherbakov', key: 'shcherbakov yevgeny' }
 */
export function nameAlias(n: NameColumns): { alias: string; key: string } | null {
  const fullName = text(n.full_name);
  const given = [text(n.surname), text(n.given_name), text(n.patronymic)];
  let [surname, givenName, patronymic] = given;
  if (fullName !== null && surname === null && givenName === null) {
    const split = splitFullName(fullName);
    surname = split.surname;
    givenName = split.given;
    patronymic ??= split.patronymic;
  }
  const key = nameKey([surname, givenName, patronymic].filter((p) => p !== null).join(' ') || (fullName ?? ''));
  if (key === '') return null;
  const asGiven = given.filter((p) => p !== null).join(' ');
  return { alias: asGiven !== '' ? asGiven : (fullName ?? ''), key };
}
