import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointSignatureValid, signCheckpoint } from './checkpoint.js';
import { consistencyProof, leafHash, treeHead, verifyConsistency } from './merkle.js';

const leaves = (n: number, salt = 'a'): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}${i}`.padEnd(32, '.')).toString('hex')));

describe('audit Merkle tree and checkpoints (AUD-CHECKPOINT)', () => {
  it('verifies consistency between every pair of sizes up to 40', () => {
    const all = leaves(40);
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(all.slice(0, n), m);
        expect(verifyConsistency(m, n, treeHead(all, m), treeHead(all, n), proof)).toBe(true);
      }
    }
  });

  it('rejects a rewritten history: a new tree whose prefix differs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (m, extra) => {
        const honest = leaves(m + extra);
        const rewritten = [...honest];
        rewritten[m - 1] = leafHash('ff'.repeat(32));
        const proof = consistencyProof(rewritten, m);
        return !verifyConsistency(m, m + extra, treeHead(honest, m), treeHead(rewritten), proof);
      }),
    );
  });

  it('signs checkpoints; a wrong key or an altered size fails', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const c = signCheckpoint('reckon.example/audit', 12, treeHead(leaves(12)), privateKey, 'k1');
    expect(checkpointSignatureValid(c, pem)).toBe(true);
    expect(checkpointSignatureValid(c, other)).toBe(false);
    expect(checkpointSignatureValid({ ...c, size: 13 }, pem)).toBe(false);
  });
});
