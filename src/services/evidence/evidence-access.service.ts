import { downloadName } from '../../core/evidence/download-name.js';
import type { Db } from '../../db/database.js';
import { findDerivativeOf, findEvidence } from '../../db/repositories/evidence.repository.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { authorize, can } from '../auth/policy.js';
import { getSourceFor } from '../intake/intake.service.js';
import { NotFoundError } from '../person/person.service.js';

/** A stored file this account may download, and how to offer it. */
export interface EvidenceDownload {
  sha256: string;
  mediaType: string;
  size: number;
  /** Server-made (from the hash), never the uploader's file name. */
  fileName: string;
}

/**
 * The original bytes of an evidence file (`kind: 'original'`) or its metadata-free derivative, for this
 * account. Both need the account to see the source (restricted sources: roles granted restricted data and
 * the contributor who entered it). A restricted source's original goes further: only to roles granted
 * restricted data and the account that uploaded it. Anything refused answers exactly like a missing file.
 */
export async function evidenceDownloadFor(db: Db, user: SessionUser, id: string, kind: 'original' | 'derivative'): Promise<EvidenceDownload> {
  authorize(user.role, 'source.read');
  const missing = (): NotFoundError => new NotFoundError(`no evidence file with id ${id}`);
  const original = await findEvidence(db.kysely, id);
  if (original?.role !== 'original' || original.source_id === null) throw missing();
  const source = await getSourceFor(db, user, original.source_id).catch((error: unknown) => {
    throw error instanceof NotFoundError ? missing() : error;
  });
  if (kind === 'original') {
    const restricted = source.sensitivity === 'restricted' && !can(user.role, 'source.read.restricted') && original.created_by !== user.username;
    if (restricted) throw missing();
    return { sha256: original.sha256, mediaType: original.media_type, size: original.size, fileName: downloadName(original.sha256, original.media_type, 'original') };
  }
  const derivative = await findDerivativeOf(db.kysely, original.sha256);
  if (!derivative) throw missing();
  return { sha256: derivative.sha256, mediaType: derivative.media_type, size: derivative.size, fileName: downloadName(original.sha256, derivative.media_type, 'derivative') };
}
