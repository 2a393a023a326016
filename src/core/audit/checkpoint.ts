import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** A signed statement of the audit log's size and Merkle root (C2SP tlog-checkpoint body, Ed25519). */
export interface SignedCheckpoint {
  origin: string;
  size: number;
  rootHash: string;
  signature: string;
  keyId: string;
}

/** The checkpoint body that is signed: origin, size and base64 root, one per line. */
export function checkpointBody(origin: string, size: number, root: Buffer): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

/** Signs a checkpoint with an Ed25519 private key. */
export function signCheckpoint(origin: string, size: number, root: Buffer, key: KeyObject, keyId: string): SignedCheckpoint {
  const signature = sign(null, Buffer.from(checkpointBody(origin, size, root)), key).toString('base64');
  return { origin, size, rootHash: root.toString('base64'), signature, keyId };
}

/** True when the checkpoint's signature verifies under the public key. */
export function checkpointSignatureValid(c: SignedCheckpoint, publicKeyPem: string): boolean {
  try {
    const body = checkpointBody(c.origin, c.size, Buffer.from(c.rootHash, 'base64'));
    return verify(null, Buffer.from(body), createPublicKey(publicKeyPem), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}
