import type { z } from 'zod';
import type { backlogQuerySchema } from '../../../server/api/api.schemas.js';
import { get, post, seg } from './client.js';
import type { Explanation, PersonSummary } from './types.js';

// The verification backlog and duplicate review (GET/POST /api/queues/...; docs/api.md "Queues").

/** GET /api/queues/backlog filters, as the app sends them. */
export type BacklogQuery = Omit<z.infer<typeof backlogQuerySchema>, 'limit' | 'offset'> & {
  limit?: number;
  offset?: number;
};

/** One pair of the duplicate-review queue. */
export interface QueuePair {
  pair: string;
  probability: number;
  a: PersonSummary;
  b: PersonSummary;
  state: string;
}

/** GET /api/queues/duplicates/:pairId */
export interface PairDetail {
  pair: {
    id: string;
    person_a: string;
    person_b: string;
    probability: number;
    state: string;
    reason: string | null;
    decided_by: string | null;
    decided_at: string | null;
  };
  a: PersonSummary;
  b: PersonSummary;
  explanation: Explanation;
}

export type PairDecision = 'same' | 'different' | 'unsure';

export const backlog = (query: BacklogQuery, signal?: AbortSignal): Promise<{ persons: PersonSummary[] }> =>
  get('/queues/backlog', { ...query }, signal);

export const duplicates = (
  query: { includeUnsure?: boolean; limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<{ pairs: QueuePair[] }> =>
  get(
    '/queues/duplicates',
    {
      limit: query.limit,
      offset: query.offset,
      includeUnsure: query.includeUnsure === true ? 'true' : undefined,
    },
    signal,
  );

export const pairDetail = (pairId: string, signal?: AbortSignal): Promise<PairDetail> =>
  get(`/queues/duplicates/${seg(pairId)}`, undefined, signal);

/** `same` merges the pair (undo from the person page), `different` is never asked again, `unsure` waits. */
export const decidePair = (
  pairId: string,
  decision: PairDecision,
  reason?: string,
): Promise<{ pair: string; decision: string; kept?: string }> =>
  post(
    `/queues/duplicates/${seg(pairId)}/decision`,
    reason === undefined || reason.trim() === '' ? { decision } : { decision, reason: reason.trim() },
  );
