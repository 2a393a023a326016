import { createPublicKey } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { manifestSchema, MANIFEST_FILE, sha256Hex, SIGNATURE_FILE } from '../../core/release/release.manifest.js';
import { keyFingerprint, normalizePublicKeyPem } from './keys.js';
import { manifestSignatureValid } from './sign.js';

export interface VerifyProblem {
  path: string;
  problem: 'missing' | 'changed' | 'unexpected' | 'not a regular file' | 'bad signature' | 'unreadable' | 'key mismatch';
}

export interface VerifyResult {
  ok: boolean;
  release: string | null;
  files: number;
  fingerprint: string | null;
  /** Every problem found, in path order; the first is the one to report. */
  problems: VerifyProblem[];
}

function walk(root: string, rel: string, out: Map<string, Dirent>): void {
  for (const d of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = rel === '' ? d.name : `${rel}/${d.name}`;
    if (d.isDirectory()) walk(root, path, out);
    else out.set(path, d);
  }
}

function fail(problems: VerifyProblem[], fingerprint: string | null = null): VerifyResult {
  return { ok: false, release: null, files: 0, fingerprint, problems };
}

/**
 * Checks a release folder against a trusted public key: the manifest's Ed25519 signature, then
 * every file's SHA-256; any changed, missing or extra file (or a wrong key) fails.
 */
export function verifyRelease(dir: string, publicKeyPem: string): VerifyResult {
  let fingerprint: string;
  try {
    createPublicKey(publicKeyPem);
    fingerprint = keyFingerprint(publicKeyPem);
  } catch {
    return fail([{ path: '(public key)', problem: 'unreadable' }]);
  }
  let manifestRaw: Buffer;
  let sig: Buffer;
  try {
    manifestRaw = readFileSync(join(dir, MANIFEST_FILE));
    sig = readFileSync(join(dir, SIGNATURE_FILE));
  } catch {
    return fail([{ path: `${MANIFEST_FILE} or ${SIGNATURE_FILE}`, problem: 'missing' }], fingerprint);
  }
  if (!manifestSignatureValid(manifestRaw, sig, publicKeyPem)) return fail([{ path: SIGNATURE_FILE, problem: 'bad signature' }], fingerprint);
  let json: unknown;
  try {
    json = JSON.parse(manifestRaw.toString('utf8'));
  } catch {
    return fail([{ path: MANIFEST_FILE, problem: 'unreadable' }], fingerprint);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return fail([{ path: MANIFEST_FILE, problem: 'unreadable' }], fingerprint);
  const manifest = parsed.data;
  const onDisk = new Map<string, Dirent>();
  walk(dir, '', onDisk);
  onDisk.delete(MANIFEST_FILE);
  onDisk.delete(SIGNATURE_FILE);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const problems: VerifyProblem[] = [];
  for (const path of [...new Set([...listed.keys(), ...onDisk.keys()])].sort()) {
    const want = listed.get(path);
    const entry = onDisk.get(path);
    if (!want) problems.push({ path, problem: 'unexpected' });
    else if (!entry) problems.push({ path, problem: 'missing' });
    else if (!entry.isFile() || lstatSync(join(dir, path)).isSymbolicLink()) problems.push({ path, problem: 'not a regular file' });
    else if (sha256Hex(readFileSync(join(dir, path))) !== want.sha256) problems.push({ path, problem: 'changed' });
  }
  try {
    const published = readFileSync(join(dir, 'public-key.pem'), 'utf8');
    if (normalizePublicKeyPem(published) !== normalizePublicKeyPem(publicKeyPem)) problems.push({ path: 'public-key.pem', problem: 'key mismatch' });
  } catch {
    if (!problems.some((p) => p.path === 'public-key.pem')) problems.push({ path: 'public-key.pem', problem: 'unreadable' });
  }
  return { ok: problems.length === 0, release: manifest.release, files: manifest.files.length, fingerprint, problems };
}
