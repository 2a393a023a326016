import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';

/**
 * Backups encrypted to a recipient's X25519 public key (BACKUP-RESTORE: "encrypted before export"), so the
 * machine that makes a backup cannot read it back: only the holder of the private key can restore.
 *
 * File: `RECKON-BACKUP-ENC-1\n`, one JSON header line (ephemeral public key, salt, chunk size, recipient
 * fingerprint), then chunks of AES-256-GCM. The key is HKDF-SHA256 over the X25519 shared secret, the salt and
 * both public keys; each chunk's nonce is its index plus a "last chunk" flag (the STREAM construction), and every
 * chunk is bound to the header by its associated data, so reordered, dropped, truncated or edited chunks and an
 * edited header all fail authentication.
 */
export const ENCRYPTED_MAGIC = 'RECKON-BACKUP-ENC-1\n';
const CHUNK = 64 * 1024;
const TAG = 16;

const headerSchema = z.strictObject({
  alg: z.literal('X25519-HKDF-SHA256-AES-256-GCM-STREAM'),
  ephemeral: z.string().min(1),
  salt: z.string().min(1),
  chunk: z.number().int().min(1024).max(16 * 1024 * 1024),
  recipient: z.string().regex(/^[0-9a-f]{64}$/),
});
type Header = z.infer<typeof headerSchema>;

export class BackupKeyError extends Error {}

/** A new backup key pair as PEM (the private key is for whoever restores; keep it off the server). */
export function generateBackupKeys(): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export function readPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new BackupKeyError('the recipient key is not a PEM public key (make one with `reckon backup keygen`)');
  }
  if (key.asymmetricKeyType !== 'x25519') throw new BackupKeyError(`the recipient key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not an X25519 backup key`);
  return key;
}

export function readPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new BackupKeyError('the identity is not a PEM private key (the file `reckon backup keygen` wrote)');
  }
  if (key.asymmetricKeyType !== 'x25519') throw new BackupKeyError(`the identity is ${key.asymmetricKeyType ?? 'not asymmetric'}, not an X25519 backup key`);
  return key;
}

function rawPublic(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(-32);
}

/** SHA-256 of the raw public key: names the key a backup was made for. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublic(publicKey)).digest('hex');
}

function deriveKey(shared: Buffer, salt: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, salt, Buffer.concat([Buffer.from('reckon-backup-1'), ephemeral, recipient]), 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(index, 5, 6);
  n[11] = last ? 1 : 0;
  return n;
}

function readFully(fd: number, buffer: Buffer): number {
  let filled = 0;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (n === 0) break;
    filled += n;
  }
  return filled;
}

/** Encrypts the file at `plainPath` to `outPath` (created new, fsynced). */
export function encryptFile(plainPath: string, outPath: string, recipient: KeyObject, chunkSize = CHUNK): void {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const salt = randomBytes(32);
  const ephemeral = rawPublic(publicKey);
  const key = deriveKey(diffieHellman({ privateKey, publicKey: recipient }), salt, ephemeral, rawPublic(recipient));
  const header: Header = { alg: 'X25519-HKDF-SHA256-AES-256-GCM-STREAM', ephemeral: ephemeral.toString('base64'), salt: salt.toString('base64'), chunk: chunkSize, recipient: keyFingerprint(recipient) };
  const headerBytes = Buffer.from(ENCRYPTED_MAGIC + JSON.stringify(header) + '\n');
  const aad = createHash('sha256').update(headerBytes).digest();
  const input = openSync(plainPath, 'r');
  const output = openSync(outPath, 'wx', 0o600);
  try {
    writeSync(output, headerBytes);
    // Read one chunk ahead so the last chunk (possibly empty) carries the last flag.
    let current = Buffer.alloc(chunkSize);
    let currentLength = readFully(input, current);
    for (let index = 0; ; index++) {
      const next = Buffer.alloc(chunkSize);
      const nextLength = currentLength === chunkSize ? readFully(input, next) : 0;
      const last = nextLength === 0;
      const cipher = createCipheriv('aes-256-gcm', key, nonce(index, last));
      cipher.setAAD(aad);
      writeSync(output, Buffer.concat([cipher.update(current.subarray(0, currentLength)), cipher.final(), cipher.getAuthTag()]));
      if (last) break;
      current = next;
      currentLength = nextLength;
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

/** True when the file starts like an encrypted backup. */
export function isEncryptedFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    return readFully(fd, head) === head.length && head.toString('latin1') === ENCRYPTED_MAGIC;
  } finally {
    closeSync(fd);
  }
}

function readHeader(fd: number): { header: Header; bytes: Buffer } {
  const probe = Buffer.alloc(4096);
  const n = readFully(fd, probe);
  const text = probe.subarray(0, n).toString('latin1');
  const end = text.indexOf('\n', ENCRYPTED_MAGIC.length);
  if (!text.startsWith(ENCRYPTED_MAGIC) || end < 0) throw new BackupKeyError('not an encrypted Reckon backup (bad header)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(ENCRYPTED_MAGIC.length, end));
  } catch {
    throw new BackupKeyError('the encrypted backup header is not valid JSON');
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw new BackupKeyError('the encrypted backup header is not one this version reads');
  return { header: header.data, bytes: probe.subarray(0, end + 1) };
}

/** Decrypts an encrypted backup to `outPath` (created new, mode 0600); throws without leaving it on any failure. */
export function decryptFile(encPath: string, outPath: string, identity: KeyObject): void {
  const input = openSync(encPath, 'r');
  let output: number | null = null;
  try {
    const { header, bytes } = readHeader(input);
    const recipient = createPublicKey(identity);
    if (keyFingerprint(recipient) !== header.recipient) throw new BackupKeyError('this backup was encrypted for a different key');
    const ephemeral = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), Buffer.from(header.ephemeral, 'base64')]), format: 'der', type: 'spki' });
    const key = deriveKey(diffieHellman({ privateKey: identity, publicKey: ephemeral }), Buffer.from(header.salt, 'base64'), rawPublic(ephemeral), rawPublic(recipient));
    const aad = createHash('sha256').update(bytes).digest();
    output = openSync(outPath, 'wx', 0o600);
    let position = bytes.length;
    const sealed = Buffer.alloc(header.chunk + TAG);
    for (let index = 0; ; index++) {
      const n = readSync(input, sealed, 0, sealed.length, position);
      const last = n < sealed.length || readSync(input, Buffer.alloc(1), 0, 1, position + n) === 0;
      if (n < TAG) throw new BackupKeyError('the encrypted backup is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(index, last));
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(n - TAG, n));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(sealed.subarray(0, n - TAG)), decipher.final()]);
      } catch {
        throw new BackupKeyError(`the encrypted backup fails authentication at chunk ${index + 1}: it was changed or truncated`);
      }
      writeSync(output, plain);
      position += n;
      if (last) break;
    }
    fsyncSync(output);
  } catch (error) {
    if (output !== null) {
      closeSync(output);
      output = null;
      rmSync(outPath, { force: true });
    }
    throw error;
  } finally {
    closeSync(input);
    if (output !== null) closeSync(output);
  }
}
