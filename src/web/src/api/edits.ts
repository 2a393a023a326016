import { get, post, seg } from './client.js';
import type { PersonSummary } from './types.js';

// Edits of confirmed persons waiting for a second editor (REV-4EYES; docs/api.md "Field edits"):
// GET /api/queues/edits, POST /api/edits/:id/approve | decline. Proposing is POST /api/persons/:id/edit
// (api/persons.ts editField), which answers 202 `state: "pending"` on a confirmed person.

/** The columns one field sets, with their values (e.g. region: region_text and region_code). */
export type FieldValues = Readonly<Record<string, string | null | undefined>>;

/** A field edit as the API shows it (restated from services/person/person-edit.schemas.ts EditView). */
export interface EditView {
  edit: string;
  person: string;
  field: string;
  kind: 'edit' | 'revert';
  state: 'pending' | 'applied' | 'declined' | 'reverted';
  before: FieldValues;
  after: FieldValues;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  /** The audit event that applied it, once applied. */
  seq: number | null;
}

/** One pending edit of the queue, with its person (null if the person is gone). */
export type PendingEdit = EditView & { summary: PersonSummary | null };

/** Pending edits, oldest first. */
export const pendingEdits = (
  query: { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<{ edits: PendingEdit[] }> => get('/queues/edits', { ...query }, signal);

/** Applies a pending edit; 403 for the account that proposed it, 409 if the field changed since or it was decided. */
export const approveEdit = (id: string, reason: string): Promise<EditView & { version: number }> =>
  post(`/edits/${seg(id)}/approve`, { reason });

/** Declines a pending edit (the proposer may withdraw their own); the person does not change. */
export const declineEdit = (id: string, reason: string): Promise<EditView> =>
  post(`/edits/${seg(id)}/decline`, { reason });
