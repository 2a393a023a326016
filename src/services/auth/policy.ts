import type { Role } from './auth.schemas.js';

/** Everything an account may be allowed to do. A route or service names one action; nothing else is allowed. */
export const ACTIONS = [
  'session.self', // see oneself, log out
  'person.read', // list and read persons (contributors: only their own)
  'person.read.all', // read persons entered by anyone
  'candidate.lookup', // the register's candidates for a name being entered
  'register.view', // the HTML list of unconfirmed records
  'person.decide', // confirm, reject or dispute a reported death
  'user.manage', // add accounts, change roles, disable
  'queue.read', // the verification backlog and the duplicate-review queue (records entered by anyone)
  'pair.decide', // same / different / unsure on a duplicate pair
  'person.merge', // merge, unmerge, split a claim off
  'source.read', // read sources (contributors: their own; restricted ones need source.read.restricted)
  'source.read.restricted', // read sources marked restricted, whoever entered them
  'intake.write', // add sources, evidence files, persons and claims (contributors: on their own drafts)
  'register.export', // download the register as CSV/JSON/XLSX (contributors: their own records; restricted fields need source.read.restricted and an explicit ask)
  'person.edit', // correct a person's normalised fields (contributors: their own unconfirmed drafts)
  'person.edit.approve', // apply or decline an edit of a confirmed person proposed by someone else (REV-4EYES)
  'person.revert', // revert one event of a person's history (field edit, merge, split)
  'person.revert.bulk', // revert every edit one account made
  'import.stage', // upload a record file, map, preview, fix rows, commit or discard (contributors: their own)
  'import.all', // act on staged imports uploaded by anyone
] as const;
export type Action = (typeof ACTIONS)[number];

/** Role × action: the whole policy. An action missing here is allowed to nobody (deny by default). */
const POLICY: Record<Role, readonly Action[]> = {
  viewer: ['session.self', 'person.read', 'person.read.all', 'candidate.lookup', 'register.view', 'queue.read', 'source.read', 'register.export'],
  contributor: ['session.self', 'person.read', 'candidate.lookup', 'register.view', 'source.read', 'intake.write', 'register.export', 'person.edit', 'import.stage'],
  verifier: ['session.self', 'person.read', 'person.read.all', 'candidate.lookup', 'register.view', 'person.decide', 'queue.read', 'pair.decide', 'person.merge', 'source.read', 'source.read.restricted', 'intake.write', 'register.export', 'person.edit', 'person.edit.approve', 'person.revert', 'import.stage', 'import.all'],
  admin: ['session.self', 'person.read', 'person.read.all', 'candidate.lookup', 'register.view', 'person.decide', 'user.manage', 'queue.read', 'pair.decide', 'person.merge', 'source.read', 'source.read.restricted', 'intake.write', 'register.export', 'person.edit', 'person.edit.approve', 'person.revert', 'person.revert.bulk', 'import.stage', 'import.all'],
};

/** Whether a role may perform an action; anything not granted is refused. */
export function can(role: Role | null, action: Action): boolean {
  if (role === null) return false;
  return POLICY[role].includes(action);
}

/** A refused action (the HTTP layer answers 403). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Throws ForbiddenError unless the role may perform the action. */
export function authorize(role: Role | null, action: Action): void {
  if (!can(role, action)) throw new ForbiddenError(`not allowed: ${action}`);
}
