import { z } from 'zod';
import { EDITABLE_FIELDS, type FieldValues } from './person-fields.js';

const reason = z.string().trim().min(3, 'a written reason of at least 3 characters').max(2_000);

/** POST /api/persons/:id/edit: correct one normalised field; `version` is the person's version as last read. */
export const editBodySchema = z.strictObject({
  field: z.enum(EDITABLE_FIELDS),
  /** The corrected value as a person would type it (a date as partial-date text); null or "" clears the field. */
  value: z.string().max(2_000).nullable(),
  reason,
  version: z.number().int().min(1),
});
export type EditInput = z.infer<typeof editBodySchema>;

/** POST /api/persons/:id/revert: undo one event of the person's history, by its audit seq. */
export const revertBodySchema = z.strictObject({ seq: z.number().int().min(1), reason });
export type RevertInput = z.infer<typeof revertBodySchema>;

/** POST /api/edits/:id/approve | decline, POST /api/users/:username/revert-edits */
export const editDecisionBodySchema = z.strictObject({ reason });

/** GET /api/queues/edits */
export const pendingEditsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A field edit as the API shows it. */
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
  /** The audit event that applied it (revert it by this seq), once applied. */
  seq: number | null;
}

/** The answer to an edit: applied at once, or pending a second reviewer (confirmed persons). */
export interface EditResult extends EditView {
  /** The person's version after the change (unchanged while pending). */
  version: number;
}

/** What a revert did: applied at once, or (a field edit of a confirmed person) pending a second reviewer. */
export interface RevertResult {
  reverted: number;
  action: string;
  /** The audit event the revert wrote (for a pending revert: its proposal). */
  seq: number;
  state: 'applied' | 'pending';
  /** A field revert's edit id (approve or decline a pending one by it). */
  edit?: string;
  detail: Record<string, unknown>;
}

/** What a bulk revert of one account's edits did. */
export interface BulkRevertResult {
  account: string;
  reverted: number;
  declined: number;
  skipped: { edit: string; person: string; field: string; seq: number | null; reason: string }[];
  /** The summary audit event. */
  seq: number;
}
