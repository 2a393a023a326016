import { z } from 'zod';
import { columnMappingSchema } from '../../core/mapping/mapping.schemas.js';
import { mappingBodySchema, rowDecisionSchema, rowsQuerySchema, STAGED_TYPES, stagedQueueQuerySchema, uploadQuerySchema } from '../../services/import/staged-import.schemas.js';
import { editBodySchema, editDecisionBodySchema, pendingEditsQuerySchema, revertBodySchema } from '../../services/person/person-edit.schemas.js';
import type { RouteDoc } from './route-docs.js';

// The OpenAPI entries of field edits with revert and of browser imports (route-docs.ts lists them with the rest).

const values = z.record(z.string(), z.string().nullable());
const edit = z.object({
  edit: z.string(),
  person: z.string(),
  field: z.string(),
  kind: z.enum(['edit', 'revert']),
  state: z.enum(['pending', 'applied', 'declined', 'reverted']),
  before: values,
  after: values,
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  seq: z.number().nullable(),
});
const editResult = edit.extend({ version: z.number() });
const revertResult = z.object({ reverted: z.number(), action: z.string(), seq: z.number(), state: z.enum(['applied', 'pending']), edit: z.string().optional(), detail: z.record(z.string(), z.unknown()) });
const bulkResult = z.object({
  account: z.string(),
  reverted: z.number(),
  declined: z.number(),
  skipped: z.array(z.object({ edit: z.string(), person: z.string(), field: z.string(), seq: z.number().nullable(), reason: z.string() })),
  seq: z.number(),
});

const problem = z.object({ row: z.number(), column: z.string(), severity: z.enum(['error', 'warning']), message: z.string() });
const counts = z.object({
  rows: z.number(),
  persons: z.number(),
  claims: z.number(),
  errors: z.number(),
  warnings: z.number(),
  excluded: z.number(),
  fixed: z.number(),
  problemRows: z.number(),
  errorRows: z.number(),
});
const staged = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  size: z.number(),
  sha256: z.string(),
  state: z.enum(['staged', 'committed', 'discarded']),
  createdBy: z.string(),
  createdAt: z.string(),
  columns: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggested: columnMappingSchema,
  suggestedProblem: z.string().nullable(),
  mapping: columnMappingSchema.nullable(),
  personColumn: z.string().nullable(),
  preview: counts.nullable(),
  importId: z.string().nullable(),
});
const row = z.object({
  row: z.number(),
  record: z.record(z.string(), z.unknown()),
  problems: z.array(problem),
  fix: z.object({ values: z.record(z.string(), z.string()), by: z.string(), at: z.string() }).nullable(),
  excluded: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
const commit = z.object({ importId: z.string(), rows: z.number(), persons: z.number(), sources: z.number(), claims: z.number(), warnings: z.number(), excluded: z.number(), fixed: z.number() });

const STAFF = 'verifier, admin';
const IMPORTERS = 'contributor (own uploads), verifier, admin';

/** Field edits with revert, and the browser import with its review queue. */
export const EDIT_IMPORT_ROUTES: readonly RouteDoc[] = [
  { method: 'POST', path: '/api/persons/:id/edit', summary: "Correct one normalised field (optimistic lock on `version`); 200 applied, 202 pending a second reviewer when the person is confirmed", roles: 'contributor (own unconfirmed drafts), verifier, admin', body: editBodySchema, response: editResult, errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/persons/:id/revert', summary: 'Revert one event of the person’s history by its seq: a field edit, a merge (unmerges) or a split (merges back); decisions are refused. 200 applied; 202 pending a second reviewer for a field edit of a confirmed person', roles: STAFF, body: revertBodySchema, response: revertResult, errors: [400, 403, 404, 409] },
  { method: 'GET', path: '/api/queues/edits', summary: 'Edits of confirmed persons waiting for a second reviewer, oldest first', roles: 'viewer, verifier, admin', query: pendingEditsQuerySchema, response: z.object({ edits: z.array(edit.extend({ summary: z.unknown() })) }), errors: [400, 403] },
  { method: 'POST', path: '/api/edits/:id/approve', summary: 'Apply a pending edit (not by the one who proposed it: 403)', roles: STAFF, body: editDecisionBodySchema, response: editResult, errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/edits/:id/decline', summary: 'Decline a pending edit (nothing changes)', roles: STAFF, body: editDecisionBodySchema, response: edit, errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/users/:username/revert-edits', summary: 'Revert every field edit one account made (newest first; pending ones declined); one transaction, applied at once also on confirmed persons (the one exception to the second reviewer)', roles: 'admin', body: editDecisionBodySchema, response: bulkResult, errors: [400, 403, 404] },
  { method: 'POST', path: '/api/imports', summary: 'Upload a CSV or XLSX record file as the raw body (50 MB at most) to stage it: its columns and a suggested mapping', roles: IMPORTERS, query: uploadQuerySchema, rawBody: Object.keys(STAGED_TYPES), response: staged, status: 201, errors: [400, 403, 413, 415] },
  { method: 'GET', path: '/api/queues/imports', summary: 'The import-review queue: staged files waiting for commit, oldest first', roles: IMPORTERS, query: stagedQueueQuerySchema, response: z.object({ imports: z.array(staged) }), errors: [400, 403] },
  { method: 'GET', path: '/api/imports/:id', summary: 'One staged import: columns, sample rows, suggested and last mapping, last preview', roles: IMPORTERS, response: staged, errors: [403, 404] },
  { method: 'POST', path: '/api/imports/:id/preview', summary: 'Check every row under a mapping (the CLI’s --dry-run): counts and problems; nothing is imported', roles: IMPORTERS, body: mappingBodySchema, response: counts.extend({ problems: z.array(problem) }), errors: [400, 403, 404, 409] },
  { method: 'GET', path: '/api/imports/:id/rows', summary: 'Rows of a staged file: problems=1 the rows with problems left (after fixes and exclusions), else every row', roles: IMPORTERS, query: rowsQuerySchema, response: z.object({ rows: z.array(row), total: z.number().nullable() }), errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/imports/:id/rows/:row', summary: 'Correct a row’s values, exclude it with a reason, or reset it', roles: IMPORTERS, body: rowDecisionSchema, response: row, errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/imports/:id/commit', summary: 'Import all-or-nothing in one transaction; 409 while rows with errors remain', roles: IMPORTERS, body: mappingBodySchema, response: commit, errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/imports/:id/discard', summary: 'Drop a staged file', roles: IMPORTERS, body: editDecisionBodySchema, response: staged, errors: [400, 403, 404, 409] },
];
