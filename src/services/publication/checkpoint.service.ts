import type { KeyObject } from 'node:crypto';
import { signCheckpoint, type SignedCheckpoint } from '../../core/audit/checkpoint.js';
import { leafHash, treeHead } from '../../core/audit/merkle.js';
import type { Db } from '../../db/database.js';
import { auditHashes } from '../../db/repositories/release.repository.js';

export const CHECKPOINT_ORIGIN = 'reckon/audit-log';

/** A signed checkpoint of the whole audit log as it is now (AUD-CHECKPOINT). */
export async function auditCheckpoint(db: Db, key: KeyObject, keyId: string): Promise<SignedCheckpoint> {
  const leaves = (await auditHashes(db.kysely)).map(leafHash);
  return signCheckpoint(CHECKPOINT_ORIGIN, leaves.length, treeHead(leaves), key, keyId);
}
