import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { evidenceHashes, insertEvidence, sourceExists } from '../../db/repositories/evidence.repository.js';
import { NotFoundError } from '../person/person.service.js';
import { sniffMediaType } from '../../core/evidence/media-type.js';
import { putBlob, scrubBlobs, type ScrubProblem } from './evidence-store.js';

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface AddedEvidence {
  id: string;
  sha256: string;
  size: number;
  duplicate: boolean;
}

/**
 * Preserves a file of evidence for a source: the exact bytes under their SHA-256, then the register row,
 * audited. The blob is durable before the row commits, so no row ever points at missing bytes.
 */
export async function addEvidence(db: Db, store: string, input: { file: string; sourceId: string; actor: string }): Promise<AddedEvidence> {
  if (!(await sourceExists(db.kysely, input.sourceId))) throw new NotFoundError(`no source with id ${input.sourceId}`);
  const blob = await putBlob(store, input.file);
  const id = newId();
  const name = basename(input.file);
  const mediaType = sniffMediaType(await readHead(blob.path));
  await db.kysely.transaction().execute(async (trx) => {
    await insertEvidence(trx, { id, sha256: blob.sha256, size: blob.size, media_type: mediaType, original_name: name, source_id: input.sourceId, role: 'original', derived_from: null, created_by: input.actor, created_at: new Date().toISOString() });
    await appendAudit(trx, db.dialect, { actor: input.actor, action: 'evidence.add', entity: 'source', entityId: input.sourceId, after: { evidence: id, sha256: blob.sha256, size: blob.size, media_type: mediaType } });
  });
  return { id, sha256: blob.sha256, size: blob.size, duplicate: !blob.created };
}

/** Re-hashes every stored original the register references (EV-SCRUB). */
export async function scrubEvidence(db: Db, store: string): Promise<{ checked: number; problems: ScrubProblem[] }> {
  const hashes = await evidenceHashes(db.kysely);
  return { checked: hashes.length, problems: await scrubBlobs(store, hashes) };
}
