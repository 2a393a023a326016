import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, open } from 'node:fs/promises';

/** SHA-256 of the key's DER SubjectPublicKeyInfo, hex in colon-separated groups of four. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex');
  return hex.match(/.{4}/g)?.join(':') ?? hex;
}

/** The PEM public key that belongs to an Ed25519 private key. */
export function publicKeyOf(privateKey: KeyObject | string): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key re-exported as canonical SPKI PEM (so the published file never depends on input spacing). */
export function normalizePublicKeyPem(pem: string): string {
  return createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
}

/** Loads an Ed25519 private key from PEM, refusing any other key type. */
export function loadSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`signing key must be Ed25519, got ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

async function writeNew(path: string, text: string, mode: number): Promise<void> {
  // 'wx' never overwrites an existing key; the mode applies at creation, chmod defeats a umask
  const handle = await open(path, 'wx', mode);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  await chmod(path, mode);
}

/**
 * Generates an Ed25519 release-signing keypair: the private key (PKCS#8 PEM) is created with
 * permissions 0600, the public key (SPKI PEM) 0644. Refuses to overwrite either file.
 */
export async function generateSigningKeyPair(privateKeyPath: string, publicKeyPath: string): Promise<{ publicKeyPem: string; fingerprint: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await writeNew(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  await writeNew(publicKeyPath, publicKeyPem, 0o644);
  return { publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}
