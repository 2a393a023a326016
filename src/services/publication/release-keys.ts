import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateSigningKeyPair } from '../release/keys.js';

/** Reads the release signing key, creating a new Ed25519 pair (private 0600, public beside it) on first use. */
export async function ensureSigningKey(privateKeyPath: string): Promise<{ privateKeyPem: string; publicKeyPath: string; created: boolean }> {
  const publicKeyPath = privateKeyPath.replace(/(\.pem)?$/, '.pub.pem');
  let created = false;
  if (!existsSync(privateKeyPath)) {
    await mkdir(dirname(privateKeyPath), { recursive: true, mode: 0o700 });
    await generateSigningKeyPair(privateKeyPath, publicKeyPath);
    created = true;
  }
  return { privateKeyPem: readFileSync(privateKeyPath, 'utf8'), publicKeyPath, created };
}
