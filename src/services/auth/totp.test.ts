import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.js';

// RFC 6238 appendix B, SHA-1 key "12345678901234567890"; 8-digit values, and their last 6 digits.
const KEY = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1, 30 s)', () => {
  it('reproduces the RFC 6238 test vectors in 8 and 6 digits', () => {
    for (const [seconds, code] of VECTORS) {
      expect(hotp(KEY, totpStep(seconds * 1000), 8)).toBe(code);
      expect(totpCode(base32Encode(KEY), seconds * 1000)).toBe(code.slice(2));
    }
  });

  it('round-trips base32 and reads the RFC 4648 example', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(() => base32Decode('not*base32')).toThrow();
  });

  it('accepts the current code, the previous one only in the first seconds of a step, and nothing older', () => {
    const secret = base32Encode(KEY);
    const t = 1111111110 * 1000; // 0 s into its step
    const step = totpStep(t);
    expect(matchTotp(secret, totpCode(secret, t), t)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, t - 30_000), t)).toBe(step - 1); // typed at the boundary
    expect(matchTotp(secret, totpCode(secret, t - 30_000), t + 10_000)).toBeNull(); // expired
    expect(matchTotp(secret, totpCode(secret, t - 60_000), t)).toBeNull(); // expired
    expect(matchTotp(secret, totpCode(secret, t + 30_000), t)).toBeNull(); // from the future
    expect(matchTotp(secret, '12345', t)).toBeNull();
    expect(matchTotp(secret, 'abcdef', t)).toBeNull();
  });

  it('makes an otpauth URI authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'alice')).toBe('otpauth://totp/Reckon%3Aalice?secret=JBSWY3DPEHPK3PXP&issuer=Reckon&algorithm=SHA1&digits=6&period=30');
  });
});
