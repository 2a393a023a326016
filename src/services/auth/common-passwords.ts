import { COMMON_PASSWORDS_TEXT } from './common-passwords.data.js';

let set: Set<string> | undefined;

/** Whether a password (compared case-insensitively) is on the shipped list of common passwords. */
export function isCommonPassword(password: string): boolean {
  set ??= new Set(COMMON_PASSWORDS_TEXT.split('\n').filter((w) => w !== ''));
  return set.has(password.toLowerCase());
}

/** How many passwords the list holds. */
export function commonPasswordCount(): number {
  isCommonPassword('');
  return set?.size ?? 0;
}
