import { jsonEqual } from './canonical-json.js';
import type { PublicPerson, ReleaseSnapshot } from './release.schemas.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface DiffEntry {
  id: string;
  name: string;
  reason: string;
}

export interface ChangedEntry extends DiffEntry {
  fields: FieldChange[];
}

export interface ReleaseDiff {
  from: string | null;
  to: string;
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: ChangedEntry[];
}

export const DEFAULT_REASONS = {
  added: 'confirmed since the previous release',
  removed: 'no longer in the confirmed register',
  changed: 'record corrected',
} as const;

/** The name a diff or list shows for a person: "Surname Given Patronymic" as given. */
export function displayName(p: Pick<PublicPerson, 'surname' | 'givenName' | 'patronymic'>): string {
  return [p.surname, p.givenName, p.patronymic].filter((s): s is string => s !== null && s !== '').join(' ');
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Field-by-field changes between two versions of one person, in sorted field order. */
export function changedFields(before: PublicPerson, after: PublicPerson): FieldChange[] {
  const fields = Object.keys(after).sort() as (keyof PublicPerson)[];
  return fields
    .filter((f) => !jsonEqual(before[f], after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * What changed since the previous release: persons added, removed and changed (per field),
 * each with a reason (from `reasons` by person id, else a default). Sorted by id.
 */
export function diffReleases(
  date: string,
  persons: readonly PublicPerson[],
  previous: ReleaseSnapshot | null,
  reasons: Readonly<Record<string, string>> = {},
): ReleaseDiff {
  const before = new Map((previous?.persons ?? []).map((p) => [p.id, p]));
  const now = new Map(persons.map((p) => [p.id, p]));
  const reason = (id: string, fallback: string): string => reasons[id] ?? fallback;
  const added: DiffEntry[] = [];
  const changed: ChangedEntry[] = [];
  for (const p of now.values()) {
    const old = before.get(p.id);
    if (!old) {
      added.push({ id: p.id, name: displayName(p), reason: reason(p.id, DEFAULT_REASONS.added) });
      continue;
    }
    const fields = changedFields(old, p);
    if (fields.length > 0) changed.push({ id: p.id, name: displayName(p), fields, reason: reason(p.id, DEFAULT_REASONS.changed) });
  }
  const removed = [...before.values()]
    .filter((p) => !now.has(p.id))
    .map((p) => ({ id: p.id, name: displayName(p), reason: reason(p.id, DEFAULT_REASONS.removed) }));
  return { from: previous?.date ?? null, to: date, added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}
