import { get, post, seg } from './client.js';
import type { AuditEvent, ClaimInput, PersonDetail, PersonListQuery, PersonSummary } from './types.js';

export const listPersons = (
  query: PersonListQuery,
  signal?: AbortSignal,
): Promise<{ persons: PersonSummary[] }> => get('/persons', { ...query }, signal);

export const getPerson = (id: string): Promise<PersonDetail> => get(`/persons/${seg(id)}`);

export const personHistory = (id: string): Promise<{ events: AuditEvent[] }> =>
  get(`/persons/${seg(id)}/history`);

export type Decision = 'confirmed' | 'rejected' | 'disputed';

export const decide = (id: string, decision: Decision, reason: string): Promise<unknown> =>
  post(`/persons/${seg(id)}/decision`, { decision, reason });

export const merge = (id: string, into: string, reason: string): Promise<{ kept: string; merged: string }> =>
  post(`/persons/${seg(id)}/merge`, { into, reason });

export const unmerge = (id: string, reason: string): Promise<{ restored: string; from: string }> =>
  post(`/persons/${seg(id)}/unmerge`, { reason });

export const splitClaim = (claimId: string, reason: string): Promise<{ person: string; from: string }> =>
  post(`/claims/${seg(claimId)}/split`, { reason });

/** A new person with one claim from a source. */
export const createPerson = (body: ClaimInput): Promise<{ person: string; claim: string }> =>
  post('/persons', body);

/** A claim from a source on an existing person. */
export const addClaim = (personId: string, body: ClaimInput): Promise<{ person: string; claim: string }> =>
  post(`/persons/${seg(personId)}/claims`, body);

/** Correct one of the person's fields (POST /api/persons/:id/edit; `version` as last read). */
export const editField = (
  id: string,
  body: { field: string; value: string | null; reason: string; version: number },
): Promise<{ state: string; version: number; seq: number | null }> => post(`/persons/${seg(id)}/edit`, body);

/** Undo one event of the person's history by its audit seq (POST /api/persons/:id/revert); on a confirmed person a field revert is only proposed (`state: 'pending'`). */
export const revertEvent = (
  id: string,
  seq: number,
  reason: string,
): Promise<{ reverted: number; action: string; seq: number; state: 'applied' | 'pending'; edit?: string }> =>
  post(`/persons/${seg(id)}/revert`, { seq, reason });
