import { createHash } from 'node:crypto';

/** RFC 6962 / 9162 Merkle tree hashing over the audit log's event hashes. */

const sha = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/** Leaf hash of one audit event (its chain hash, hex). */
export function leafHash(eventHashHex: string): Buffer {
  return sha(LEAF, Buffer.from(eventHashHex, 'hex'));
}

const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha(NODE, left, right);

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function mth(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) return sha();
  if (n === 1) return leaves[from] ?? sha();
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
}

/** The Merkle tree head (root) over the first `size` leaves. */
export function treeHead(leaves: readonly Buffer[], size: number = leaves.length): Buffer {
  return mth(leaves, 0, size);
}

function subproof(m: number, leaves: readonly Buffer[], from: number, to: number, complete: boolean): Buffer[] {
  const n = to - from;
  if (m === n) return complete ? [] : [mth(leaves, from, to)];
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) return [...subproof(m, leaves, from, from + k, complete), mth(leaves, from + k, to)];
  return [...subproof(m - k, leaves, from + k, to, false), mth(leaves, from, from + k)];
}

/** A proof that the tree of size `first` is a prefix of the tree of size `leaves.length` (RFC 9162 2.1.4). */
export function consistencyProof(leaves: readonly Buffer[], first: number): Buffer[] {
  if (first <= 0 || first > leaves.length) throw new Error(`consistency proof needs 0 < first (${first}) <= size (${leaves.length})`);
  return subproof(first, leaves, 0, leaves.length, true);
}

/** Verifies a consistency proof between two tree heads (RFC 9162 2.1.4.2). */
export function verifyConsistency(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, proof: readonly Buffer[]): boolean {
  if (first > second || first <= 0) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  const [head, ...rest] = path;
  if (head === undefined) return false;
  let fr = head;
  let sr = head;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) {
        do {
          fn >>= 1;
          sn >>= 1;
        } while (!(fn & 1) && fn !== 0);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
