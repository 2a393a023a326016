import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupKeyError, decryptFile, encryptFile, generateBackupKeys, isEncryptedFile, readPrivateKey, readPublicKey } from './backup-crypto.js';

const dir = mkdtempSync(join(tmpdir(), 'reckon-backup-crypto-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const keys = generateBackupKeys();
const pub = readPublicKey(keys.publicPem);
const priv = readPrivateKey(keys.privatePem);
const CHUNK = 1024;
let n = 0;

function roundTrip(plain: Buffer): { enc: string; out: string } {
  n++;
  const src = join(dir, `plain-${n}`);
  const enc = join(dir, `enc-${n}`);
  const out = join(dir, `out-${n}`);
  writeFileSync(src, plain);
  encryptFile(src, enc, pub, CHUNK);
  return { enc, out };
}

describe('encrypted backups (BACKUP-RESTORE)', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 5 * CHUNK + 17])('round-trips %i bytes exactly, and the file does not contain them in the clear', (size) => {
    const plain = randomBytes(size);
    const { enc, out } = roundTrip(plain);
    expect(isEncryptedFile(enc)).toBe(true);
    if (size >= 16) expect(readFileSync(enc).includes(plain.subarray(0, 16))).toBe(false);
    decryptFile(enc, out, priv);
    expect(readFileSync(out).equals(plain)).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a flipped byte, a dropped last chunk and a wrong key, and leaves no output', () => {
    const plain = Buffer.from('synthetic register '.repeat(300));
    const { enc, out } = roundTrip(plain);
    const bytes = readFileSync(enc);

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 1;
    writeFileSync(`${enc}.flipped`, flipped);
    expect(() => { decryptFile(`${enc}.flipped`, out, priv); }).toThrow(/fails authentication at chunk/);
    expect(existsSync(out)).toBe(false);

    // Cut exactly at a chunk boundary: the remaining chunks authenticate only as "not last".
    const headerEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    writeFileSync(`${enc}.cut`, bytes.subarray(0, headerEnd + 2 * (CHUNK + 16)));
    expect(() => { decryptFile(`${enc}.cut`, out, priv); }).toThrow(BackupKeyError);
    expect(existsSync(out)).toBe(false);

    const other = generateBackupKeys();
    expect(() => { decryptFile(enc, out, readPrivateKey(other.privatePem)); }).toThrow(/different key/);
    expect(existsSync(out)).toBe(false);
  });

  it('names what is wrong with a key file', () => {
    expect(() => readPublicKey('not a key')).toThrow(/not a PEM public key/);
    expect(() => readPrivateKey(keys.publicPem)).toThrow(/not a PEM private key/);
  });
});
