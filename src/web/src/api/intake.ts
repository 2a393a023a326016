import { get, post, seg, upload } from './client.js';
import type { CandidateMatch, CandidateQuery, EvidenceUploaded, SourceInput, SourceView } from './types.js';

export const addSource = (body: SourceInput): Promise<SourceView> => post('/sources', body);

export const getSource = (id: string): Promise<SourceView> => get(`/sources/${seg(id)}`);

/** The file's bytes as the body, with its media type (the server checks the magic bytes). */
export const uploadEvidence = (sourceId: string, file: File): Promise<EvidenceUploaded> =>
  upload(`/sources/${seg(sourceId)}/evidence`, file);

export const candidates = (
  query: CandidateQuery,
  signal?: AbortSignal,
): Promise<{ candidates: CandidateMatch[] }> => get('/candidates', { ...query }, signal);

/** Media types the server accepts for evidence, and its size limit. */
export const EVIDENCE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;
