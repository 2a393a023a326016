import { z } from 'zod';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { pageClaimsForExport, pagePersonsForExport, type ClaimForExport } from '../../db/repositories/export-access.repository.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { maySeeSourceFields, withoutSourceFields } from '../auth/field-access.js';
import { authorize, can, ForbiddenError } from '../auth/policy.js';
import { PERSON_COLUMNS, personRow, recordOf, type ExportRow, type ExportTable } from './export.service.js';

const PAGE = 5_000;

/** GET /api/export's query (strict: unknown keys refused). */
export const exportQuerySchema = z.strictObject({
  what: z.enum(['records', 'persons']).default('records'),
  format: z.enum(['csv', 'json', 'xlsx']).default('csv'),
  includeRestricted: z.enum(['true', 'false']).default('false'),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;

/**
 * A claim's record row as this account may have it: a restricted source's fields (URL, list, as-given kind,
 * publication date, extra columns) only with source.read.restricted and an explicit includeRestricted, or
 * for the account that entered the source; otherwise blank, with the canonical kind in place of the as-given one.
 */
function recordFor(user: SessionUser, c: ClaimForExport, includeRestricted: boolean): ExportRow {
  const { source_sensitivity: sensitivity, source_created_by: createdBy, ...claim } = c;
  if (maySeeSourceFields(user, { sensitivity, created_by: createdBy }, { restrictedGranted: includeRestricted })) return recordOf(claim);
  return { ...recordOf(withoutSourceFields(claim)), source_kind: claim.source_kind };
}

async function* claimsOf(db: Db, owner: string | null): AsyncGenerator<ClaimForExport> {
  let after: string | null = null;
  for (;;) {
    const page = await pageClaimsForExport(db.kysely, owner, after, PAGE);
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]?.id ?? null;
  }
}

async function* personsOf(db: Db, owner: string | null): AsyncGenerator<ExportRow> {
  let after: string | null = null;
  for (;;) {
    const page = await pagePersonsForExport(db.kysely, owner, after, PAGE);
    if (page.length === 0) return;
    for (const p of page) yield personRow(p);
    after = page[page.length - 1]?.id ?? null;
  }
}

/** Extra columns (unknown columns of imported files) that this account's rows actually carry. */
async function extraColumnsFor(db: Db, user: SessionUser, owner: string | null, includeRestricted: boolean): Promise<string[]> {
  const fixed = new Set<string>([...RECORD_COLUMNS, 'person_id']);
  const keys = new Set<string>();
  for await (const c of claimsOf(db, owner)) {
    if (c.extra === null) continue;
    for (const [k, v] of Object.entries(recordFor(user, c, includeRestricted))) if (!fixed.has(k) && v !== null) keys.add(k);
  }
  return [...keys].sort();
}

/**
 * The register as this account may export it (audited `register.export` before a byte is written):
 * viewers, verifiers and admins every person; contributors only the persons they entered. Restricted
 * sources' fields are left out unless the role holds source.read.restricted and `includeRestricted` is asked for.
 */
export async function exportFor(db: Db, user: SessionUser, query: ExportQuery): Promise<ExportTable> {
  authorize(user.role, 'register.export');
  const includeRestricted = query.includeRestricted === 'true';
  if (includeRestricted && !can(user.role, 'source.read.restricted')) throw new ForbiddenError('exporting restricted sources’ fields needs the restricted-data permission');
  const owner = can(user.role, 'person.read.all') ? null : user.username;
  await db.kysely.transaction().execute(async (trx) => {
    await appendAudit(trx, db.dialect, { actor: user.username, action: 'register.export', entity: 'register', entityId: null, after: { what: query.what, format: query.format, includeRestricted, scope: owner === null ? 'all' : 'own' } });
  });
  if (query.what === 'persons') return { columns: [...PERSON_COLUMNS], rows: personsOf(db, owner) };
  const columns = [...RECORD_COLUMNS, 'person_id', ...(await extraColumnsFor(db, user, owner, includeRestricted))];
  async function* rows(): AsyncGenerator<ExportRow> {
    for await (const c of claimsOf(db, owner)) yield recordFor(user, c, includeRestricted);
  }
  return { columns, rows: rows() };
}
