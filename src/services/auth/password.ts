import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { isCommonPassword } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_RECOMMENDED = 15;
export const PASSWORD_MAX = 256;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** AUTH-PW: scrypt N=2^15, r=8, p=1 (about 32 MiB and tens of milliseconds per hash). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LEN, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/**
 * Hashes a password with a random 16-byte salt; the result names its parameters.
 * @example await hashPassword('correct horse battery') // 'scrypt$N=32768,r=8,p=1$<salt>$<key>'
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parseEncoded(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(encoded);
  if (!m) return null;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Refuse absurd parameters from a tampered row rather than burn memory on them.
  if (params.N < 2 || params.N > 2 ** 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  return { params, salt: Buffer.from(m[4] ?? '', 'base64'), key: Buffer.from(m[5] ?? '', 'base64') };
}

/** Whether a password matches an encoded hash; constant-time comparison; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseEncoded(encoded);
  if (!parsed || parsed.key.length !== KEY_LEN) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** Why a new password is refused, or null when it is acceptable (length and common-password check only: no composition rules). */
export function passwordProblem(password: string, username?: string): string | null {
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN) return `a password needs at least ${PASSWORD_MIN} characters (${PASSWORD_RECOMMENDED} or more recommended)`;
  if (length > PASSWORD_MAX) return `a password may have at most ${PASSWORD_MAX} characters`;
  if (isCommonPassword(password)) return 'this password is on a list of the most common passwords; choose another';
  if (username !== undefined && password.toLowerCase().includes(username.toLowerCase())) return 'a password must not contain the username';
  return null;
}
