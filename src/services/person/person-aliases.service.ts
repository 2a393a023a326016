import type { Kysely } from 'kysely';
import { nameAlias, type NameColumns } from '../../core/names/name-alias.js';
import { addAliases, deleteAliasesFrom, deleteClaimAliases, listAliases, type NewAlias } from '../../db/repositories/alias.repository.js';
import type { BulkPath } from '../../db/repositories/bulk.js';
import { claimNamesWithSensitivity } from '../../db/repositories/claim.repository.js';
import { mergedInto } from '../../db/repositories/linkage.repository.js';
import type { PersonRow } from '../../db/repositories/person.repository.js';
import type { Database } from '../../db/schema.js';

// The other names a person is known by (person_aliases), written where a second name appears: a merge brings
// the duplicate's name, a claim spells the name otherwise, a correction leaves the old name. Name search
// matches them as it matches persons.name_key. Each alias records its origin, so undoing a merge or
// splitting a claim off removes exactly the aliases it brought. An alias a source gave carries that source:
// readers who may not see a restricted source's fields neither see nor find by it (AUTHZ-FIELD).

/** How an alias came about: a merged duplicate's name, a claim's spelling, the name before a correction. */
export type AliasKind = 'merged' | 'source' | 'former';

/** One alias as the person page shows it. */
export interface PersonAlias {
  alias: string;
  kind: string;
  /** The source that gave this spelling (null: the register's own, from a merge or a correction; a merged name only restricted sources gave carries one of them). */
  source_id: string | null;
}

/** A claim's name and where it belongs: what an alias from a claim needs. */
export type ClaimName = Partial<NameColumns> & { id: string; person_id: string; source_id: string };

const NAME_FIELDS: readonly string[] = ['surname', 'given_name', 'patronymic', 'full_name'];

const asGiven = (p: NameColumns & { name_key: string }): string => nameAlias(p)?.alias ?? p.name_key;

/**
 * When only restricted sources give a person's name: one of them (the oldest). The claims that spell the name
 * as the person has it count; if none does (the name was corrected), every claim does. Null when any of them
 * comes from a source that is not restricted, or there are no claims.
 */
async function restrictedOnlyNameSource(trx: Kysely<Database>, person: PersonRow): Promise<string | null> {
  const claims = await claimNamesWithSensitivity(trx, person.id);
  const spelling = claims.filter((c) => nameAlias(c)?.key === person.name_key);
  const giving = spelling.length > 0 ? spelling : claims;
  if (giving.length === 0 || giving.some((c) => c.sensitivity !== 'restricted')) return null;
  return giving[0]?.source_id ?? null;
}

/**
 * After a merge: the merged person's name and its aliases become the kept person's, marked as that merge's. A
 * name only restricted sources gave carries one of them, so it stays hidden from readers who may not see it.
 */
export async function aliasesOnMerge(trx: Kysely<Database>, keepId: string, merged: PersonRow): Promise<void> {
  const sourceId = await restrictedOnlyNameSource(trx, merged);
  const rows: NewAlias[] = [{ person_id: keepId, alias: asGiven(merged), alias_key: merged.name_key, kind: 'merged', from_person_id: merged.id, source_id: sourceId, claim_id: null }];
  // Aliases an earlier merge brought keep that person as their origin: unmerging it alone removes them.
  for (const a of await listAliases(trx, merged.id)) {
    rows.push({ person_id: keepId, alias: a.alias, alias_key: a.alias_key, kind: a.kind, from_person_id: a.from_person_id ?? merged.id, source_id: a.source_id, claim_id: a.claim_id });
  }
  await addAliases(trx, rows);
}

/**
 * After an unmerge (call it once `restored` no longer point at `keepId`): the aliases their merges brought leave
 * the person kept and everyone still merged into it.
 */
export async function aliasesOnUnmerge(trx: Kysely<Database>, keepId: string, restored: readonly string[]): Promise<void> {
  await deleteAliasesFrom(trx, [keepId, ...(await mergedInto(trx, keepId))], restored);
}

/** After a claim was split off a group of persons (a person and those merged into it): its spelling leaves them. */
export async function aliasesOnSplit(trx: Kysely<Database>, group: readonly string[], claimId: string): Promise<void> {
  await deleteClaimAliases(trx, group, claimId);
}

/**
 * Claims given to persons: a claim whose name is spelt otherwise than its person's (another name key) adds
 * its as-given name as an alias of kind 'source', carrying the claim and its source. Claims without a name,
 * or spelling it as the person's name key, add nothing. For intake and for bulk imports (one call per batch;
 * pass the batch's BulkPath to insert on the fast path). Returns how many aliases were written.
 * @example await addClaimAliases(trx, batch.claims) // after the batch's persons and claims are written
 */
export async function addClaimAliases(trx: Kysely<Database>, claims: readonly ClaimName[], path: BulkPath = null): Promise<number> {
  const rows: NewAlias[] = [];
  for (const c of claims) {
    const name = nameAlias({ surname: c.surname ?? null, given_name: c.given_name ?? null, patronymic: c.patronymic ?? null, full_name: c.full_name ?? null });
    if (name !== null) rows.push({ person_id: c.person_id, alias: name.alias, alias_key: name.key, kind: 'source', from_person_id: null, source_id: c.source_id, claim_id: c.id });
  }
  return addAliases(trx, rows, new Date().toISOString(), path);
}

/**
 * After a correction of `field` was written (`before`: the person as it was): when the name key changed, the
 * name before it stays an alias of kind 'former', so those who knew the old spelling still find the person.
 */
export async function keepFormerName(trx: Kysely<Database>, before: PersonRow, field: string): Promise<void> {
  if (!NAME_FIELDS.includes(field)) return;
  await addAliases(trx, [{ person_id: before.id, alias: asGiven(before), alias_key: before.name_key, kind: 'former', from_person_id: null, source_id: null, claim_id: null }]);
}

/** A person's aliases as the person page lists them: oldest first, not the current name, each spelling once per source. */
export async function personAliases(db: Kysely<Database>, person: Pick<PersonRow, 'id' | 'name_key'>): Promise<PersonAlias[]> {
  const seen = new Set<string>();
  const out: PersonAlias[] = [];
  for (const a of await listAliases(db, person.id)) {
    const key = `${a.alias}\u0001${a.source_id ?? ''}`;
    if (a.alias_key === person.name_key || seen.has(key)) continue;
    seen.add(key);
    out.push({ alias: a.alias, kind: a.kind, source_id: a.source_id });
  }
  return out;
}

/** Aliases listed once per spelling (after those a reader may not see were left out). */
export function distinctAliases(aliases: readonly PersonAlias[]): PersonAlias[] {
  const seen = new Set<string>();
  return aliases.filter((a) => {
    if (seen.has(a.alias)) return false;
    seen.add(a.alias);
    return true;
  });
}
