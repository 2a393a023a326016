import { z } from 'zod';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: 'reckon-release-manifest/1';
  release: string;
  algorithm: 'sha256';
  signature: 'ed25519';
  files: ManifestEntry[];
}

/** The files that sign the site and are therefore not listed in it. */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

/** SHA-256 of bytes as lower-case hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest line of one file. */
export function manifestEntry(path: string, bytes: Uint8Array): ManifestEntry {
  return { path, sha256: sha256Hex(bytes), size: bytes.byteLength };
}

/** Builds the manifest of a site's files (paths with `/`, sorted by code unit; the signature files excluded). */
export function buildManifest(release: string, entries: readonly ManifestEntry[]): Manifest {
  const files = entries
    .filter((e) => e.path !== MANIFEST_FILE && e.path !== SIGNATURE_FILE)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: 'reckon-release-manifest/1', release, algorithm: 'sha256', signature: 'ed25519', files };
}

/** The manifest.json format, to read one back. */
export const manifestSchema = z.object({
  format: z.literal('reckon-release-manifest/1'),
  release: z.string(),
  algorithm: z.literal('sha256'),
  signature: z.literal('ed25519'),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});

/** The exact bytes of manifest.json: canonical JSON, two-space indent, trailing newline. */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(canonicalJson(manifest, 2) + '\n', 'utf8');
}
