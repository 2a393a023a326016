import type { Db } from '../../db/database.js';
import type { ClaimWithSource } from '../../db/repositories/claim.repository.js';
import { sourceAccessOf, type SourceAccess } from '../../db/repositories/source-access.repository.js';
import { distinctAliases } from '../person/person-aliases.service.js';
import type { PersonDetail } from '../person/person.service.js';
import type { SessionUser } from './auth.schemas.js';
import { can } from './policy.js';

// AUTHZ-FIELD: a claim carries fields of its source. When the source is restricted, those fields (its URL,
// list, as-given kind text, publication date, and the claim's extra columns from the file it came from)
// are shown only to roles granted restricted data and to the account that entered the source. The facts
// the claim gives about the person stay: they are the register's. Source authors are never shown at all.

/** Whether this account may see the identifying fields of a source. */
export function maySeeSourceFields(user: Pick<SessionUser, 'role' | 'username'>, source: SourceAccess | undefined, options: { restrictedGranted?: boolean } = {}): boolean {
  if (source === undefined) return false;
  if (source.sensitivity !== 'restricted' || source.created_by === user.username) return true;
  return can(user.role, 'source.read.restricted') && options.restrictedGranted !== false;
}

/** How a claim is shown: its source's sensitivity, and whether that source's fields were withheld. */
export type ShownClaim<T extends ClaimWithSource> = T & { source_sensitivity: string; source_fields_hidden: boolean };

/** A claim with its source's identifying fields emptied, and marked so. */
export function withoutSourceFields<T extends ClaimWithSource>(claim: T, sensitivity = 'restricted'): ShownClaim<T> {
  return { ...claim, source_url: null, source_list: null, source_kind_text: null, source_published_at: null, extra: null, source_sensitivity: sensitivity, source_fields_hidden: true };
}

/**
 * A person's detail as this account may see it: claims from restricted sources it may not see lose their source
 * fields, and the aliases those sources gave are left out (an alias is a spelling only that source gives).
 */
export async function hideRestrictedFields(db: Db, user: SessionUser, detail: PersonDetail): Promise<PersonDetail> {
  const access = await sourceAccessOf(db.kysely, [...detail.claims.map((c) => c.source_id), ...detail.aliases.flatMap((a) => (a.source_id === null ? [] : [a.source_id]))]);
  const claims = detail.claims.map((c): ShownClaim<ClaimWithSource> => {
    const source = access.get(c.source_id);
    if (!maySeeSourceFields(user, source)) return withoutSourceFields(c, source?.sensitivity);
    return { ...c, source_sensitivity: source?.sensitivity ?? 'public', source_fields_hidden: false };
  });
  const aliases = distinctAliases(detail.aliases.filter((a) => a.source_id === null || maySeeSourceFields(user, access.get(a.source_id))));
  return { ...detail, claims, aliases };
}
