import { describe, expect, it } from 'vitest';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('passwords (AUTH-PW)', () => {
  it('stores scrypt N=2^15, r=8, p=1 with a random 16-byte salt, and verifies', async () => {
    const a = await hashPassword('a long enough passphrase');
    const b = await hashPassword('a long enough passphrase');
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b); // salted
    expect(await verifyPassword('a long enough passphrase', a)).toBe(true);
    expect(await verifyPassword('a long enough passphrasE', a)).toBe(false);
    expect(await verifyPassword('a long enough passphrase', 'sha256$abc')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$N=4194304,r=8,p=1$AAAA$AAAA')).toBe(false); // absurd parameters refused
  });

  it('refuses short, overlong and common passwords, and nothing else (no composition rules)', () => {
    expect(passwordProblem('short12')).toContain('at least 8');
    expect(passwordProblem('eightch!')).toBeNull();
    expect(passwordProblem('all lower case words only')).toBeNull();
    expect(passwordProblem('я'.repeat(64))).toBeNull();
    expect(passwordProblem('x'.repeat(256))).toBeNull();
    expect(passwordProblem('x'.repeat(257))).toContain('at most');
    expect(passwordProblem('password123')).toContain('common');
    expect(passwordProblem('Qwerty123')).toContain('common');
    expect(passwordProblem('alice is my name', 'alice')).toContain('username');
  });

  it('ships a list of at least 1,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(1000);
    expect(isCommonPassword('iloveyou')).toBe(true);
    expect(isCommonPassword('a long enough passphrase')).toBe(false);
  });
});
