import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DERIVABLE_TYPES } from '../../core/evidence/image-limits.js';
import { sniffMediaType } from '../../core/evidence/media-type.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { evidenceHashes, findDerivativeOf, insertEvidence, sourceExists } from '../../db/repositories/evidence.repository.js';
import { NotFoundError } from '../person/person.service.js';
import { writeDerivative } from './derivative.js';
import { hashFile, putBlob, scrubBlobs, type ScrubProblem } from './evidence-store.js';

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
  /** The metadata-free working copy of an image (null for PDFs and other files). */
  derivative: { sha256: string; size: number } | null;
}

/** The derivative file to store for this original, or null (not an image, or one exists already). */
async function deriveIfNeeded(db: Db, file: string, mediaType: string, work: string): Promise<string | null> {
  if (!DERIVABLE_TYPES.includes(mediaType)) return null;
  // The same bytes stored before already have their derivative (and passed the pixel check then).
  if ((await findDerivativeOf(db.kysely, await hashFile(file))) !== undefined) return null;
  const out = join(work, 'derivative');
  await writeDerivative(file, mediaType, out);
  return out;
}

/**
 * Preserves a file of evidence for a source: the exact bytes under their SHA-256 (EV-HASH), and for a
 * JPEG, PNG or WebP a separate metadata-free derivative linked to the original's hash (EV-ORIGINALS), then
 * the register rows, audited. An image that does not decode or has too many pixels is refused
 * (EvidenceRefused) before anything is stored. Blobs are durable before the rows commit, so no row ever
 * points at missing bytes.
 */
export async function addEvidence(db: Db, store: string, input: { file: string; sourceId: string; actor: string }): Promise<AddedEvidence> {
  if (!(await sourceExists(db.kysely, input.sourceId))) throw new NotFoundError(`no source with id ${input.sourceId}`);
  const mediaType = sniffMediaType(await readHead(input.file));
  const work = await mkdtemp(join(tmpdir(), 'reckon-derive-'));
  try {
    const derivedFile = await deriveIfNeeded(db, input.file, mediaType, work);
    const blob = await putBlob(store, input.file);
    const derived = derivedFile === null ? null : await putBlob(store, derivedFile);
    const id = newId();
    const now = new Date().toISOString();
    await db.kysely.transaction().execute(async (trx) => {
      await insertEvidence(trx, { id, sha256: blob.sha256, size: blob.size, media_type: mediaType, original_name: basename(input.file), source_id: input.sourceId, role: 'original', derived_from: null, created_by: input.actor, created_at: now });
      if (derived !== null && (await findDerivativeOf(trx, blob.sha256)) === undefined) {
        await insertEvidence(trx, { id: newId(), sha256: derived.sha256, size: derived.size, media_type: mediaType, original_name: null, source_id: null, role: 'derivative', derived_from: blob.sha256, created_by: input.actor, created_at: now });
      }
      await appendAudit(trx, db.dialect, { actor: input.actor, action: 'evidence.add', entity: 'source', entityId: input.sourceId, after: { evidence: id, sha256: blob.sha256, size: blob.size, media_type: mediaType, derivative: derived?.sha256 ?? null }, at: now });
    });
    const derivative = derived ?? (await findDerivativeOf(db.kysely, blob.sha256)) ?? null;
    return { id, sha256: blob.sha256, size: blob.size, duplicate: !blob.created, derivative: derivative === null ? null : { sha256: derivative.sha256, size: derivative.size } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Re-hashes every stored original and derivative the register references (EV-SCRUB). */
export async function scrubEvidence(db: Db, store: string): Promise<{ checked: number; problems: ScrubProblem[] }> {
  const hashes = await evidenceHashes(db.kysely);
  return { checked: hashes.length, problems: await scrubBlobs(store, hashes) };
}
