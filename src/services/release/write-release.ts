import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { manifestEntry, MANIFEST_FILE, SIGNATURE_FILE, type ManifestEntry } from '../../core/release/release.manifest.js';
import type { ReleaseInput } from '../../core/release/release.schemas.js';
import { loadSigningKey, publicKeyOf } from './keys.js';
import { signManifest } from './sign.js';
import { buildSite, type BuiltSite } from './site/build-site.js';
import type { RegionTile } from './site/site.types.js';

export interface WriteReleaseOptions {
  /** Ed25519 private key, PKCS#8 PEM. */
  privateKeyPem: string;
  regions?: readonly RegionTile[];
}

export interface WrittenRelease extends BuiltSite {
  dir: string;
  files: number;
  bytes: number;
}

/**
 * Writes a release as a complete static site into `dir` (which must not exist or be empty:
 * releases are immutable), then manifest.json (SHA-256 of every file) and manifest.sig (Ed25519).
 */
export function writeRelease(dir: string, input: ReleaseInput, options: WriteReleaseOptions): WrittenRelease {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`release folder is not empty: ${dir}`);
  const key = loadSigningKey(options.privateKeyPem);
  const entries: ManifestEntry[] = [];
  let bytes = 0;
  const made = new Set<string>();
  const put = (path: string, data: Uint8Array): void => {
    const full = join(dir, ...path.split('/'));
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, data, { flag: 'wx' });
    bytes += data.byteLength;
  };
  const built = buildSite(input, { publicKeyPem: publicKeyOf(key), ...(options.regions ? { regions: options.regions } : {}) }, (path, data) => {
    entries.push(manifestEntry(path, data));
    put(path, data);
  });
  const signed = signManifest(input.date, entries, key);
  put(MANIFEST_FILE, signed.manifest);
  put(SIGNATURE_FILE, signed.signature);
  return { ...built, dir, files: entries.length + 2, bytes };
}
