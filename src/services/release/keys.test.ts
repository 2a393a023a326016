import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyFingerprint, loadSigningKey } from './keys.js';

const tmp = mkdtempSync(join(tmpdir(), 'reckon-keys-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('generateSigningKeyPair', () => {
  it('writes an Ed25519 private key readable only by its owner, and refuses to overwrite it', async () => {
    const priv = join(tmp, 'release.key');
    const pub = join(tmp, 'release.pub.pem');
    const { publicKeyPem, fingerprint } = await generateSigningKeyPair(priv, pub);
    expect(statSync(priv).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(readFileSync(priv, 'utf8')).asymmetricKeyType).toBe('ed25519');
    expect(readFileSync(pub, 'utf8')).toBe(publicKeyPem);
    expect(fingerprint).toBe(keyFingerprint(publicKeyPem));
    expect(fingerprint).toMatch(/^([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
    await expect(generateSigningKeyPair(priv, join(tmp, 'other.pem'))).rejects.toThrow(/EEXIST/);
  });
});
