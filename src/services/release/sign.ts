import { sign, verify, createPublicKey, type KeyObject } from 'node:crypto';
import { buildManifest, manifestBytes, type ManifestEntry } from '../../core/release/release.manifest.js';

/** Signs the manifest of a site: returns the exact bytes of manifest.json and manifest.sig. */
export function signManifest(release: string, entries: readonly ManifestEntry[], privateKey: KeyObject): { manifest: Buffer; signature: Buffer } {
  const manifest = manifestBytes(buildManifest(release, entries));
  const sig = sign(null, manifest, privateKey);
  return { manifest, signature: Buffer.from(sig.toString('base64') + '\n', 'utf8') };
}

/** True when `signature` (manifest.sig bytes: base64 text) is a valid Ed25519 signature of `manifest`. */
export function manifestSignatureValid(manifest: Uint8Array, signature: Uint8Array, publicKeyPem: string): boolean {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') return false;
  const text = Buffer.from(signature).toString('utf8').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  return verify(null, manifest, key, Buffer.from(text, 'base64'));
}
