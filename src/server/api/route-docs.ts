import { z } from 'zod';
import { loginSchema, roleSchema } from '../../services/auth/auth.schemas.js';
import { personListQuerySchema } from '../../services/person/person.schemas.js';
import { candidateQuerySchema } from '../../services/review/review.schemas.js';
import { claimInputSchema, sourceInputSchema } from '../../services/intake/intake.schemas.js';
import { exportQuerySchema } from '../../services/export/export-access.service.js';
import { EDIT_IMPORT_ROUTES } from './route-docs.edits-imports.js';
import { backlogQuerySchema, duplicatesQuerySchema, mergeBodySchema, pairDecisionBodySchema, reasonBodySchema } from './api.schemas.js';

/** One /api route as the OpenAPI document and docs/api.md describe it. */
export interface RouteDoc {
  method: 'GET' | 'POST';
  /** Hono's spelling (`:id`). */
  path: string;
  summary: string;
  /** Who may call it. */
  roles: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Raw-body uploads: the accepted media types. */
  rawBody?: readonly string[];
  response?: z.ZodType;
  /** File downloads: the media types the success response may have (instead of JSON). */
  download?: readonly string[];
  status?: number;
  errors?: readonly number[];
}

const summary = z.object({ id: z.string(), name: z.string(), verification: z.string() }).loose();
const auditEvent = z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), before: z.unknown(), after: z.unknown() }).loose();
const source = z.object({ id: z.string(), kind: z.string(), url: z.string().nullable(), sensitivity: z.string(), evidence: z.array(z.object({ id: z.string(), sha256: z.string(), size: z.number(), media_type: z.string(), derivative: z.boolean() })) }).loose();
const created = z.object({ person: z.string(), claim: z.string() });
const pair = z.object({ pair: z.string(), probability: z.number(), a: summary, b: summary, state: z.string() });

// Bodies of older routes, as their handlers parse them (decision: person-access.routes.ts; users: user.routes.ts).
const personDecisionBody = z.strictObject({ decision: z.enum(['confirmed', 'rejected', 'disputed']), reason: z.string().min(3).max(2_000) });
const addUserBody = z.strictObject({ username: z.string(), role: roleSchema, password: z.string(), displayName: z.string().min(1).max(200).optional() });

/** Every route the app registers under /api (a test checks the app against this list). */
export const API_ROUTES: readonly RouteDoc[] = [
  { method: 'GET', path: '/api/health', summary: 'Liveness and register size', roles: 'anyone' },
  { method: 'POST', path: '/api/auth/login', summary: 'Sign in (sets the session cookie)', roles: 'anyone', body: loginSchema, errors: [400, 401, 413, 429] },
  { method: 'POST', path: '/api/auth/logout', summary: 'Sign out', roles: 'signed in' },
  { method: 'GET', path: '/api/auth/me', summary: 'The signed-in account', roles: 'signed in' },
  { method: 'GET', path: '/api/users', summary: 'List accounts', roles: 'admin', errors: [403] },
  { method: 'POST', path: '/api/users', summary: 'Add an account', roles: 'admin', body: addUserBody, status: 201, errors: [400, 403] },
  { method: 'POST', path: '/api/users/:username/role', summary: "Change an account's role", roles: 'admin', body: z.strictObject({ role: roleSchema }), errors: [400, 403, 404] },
  { method: 'POST', path: '/api/users/:username/disable', summary: 'Disable an account and end its sessions', roles: 'admin', errors: [400, 403, 404] },
  { method: 'GET', path: '/api/persons', summary: 'List persons (contributors: their own)', roles: 'viewer+', query: personListQuerySchema, response: z.object({ persons: z.array(summary) }), errors: [400] },
  { method: 'GET', path: '/api/persons/:id', summary: 'A person with every fact, its claims and sources, and history', roles: 'viewer+ (contributors: own)', errors: [404] },
  { method: 'POST', path: '/api/persons/:id/decision', summary: 'Confirm, reject or dispute a reported death', roles: 'verifier, admin', body: personDecisionBody, errors: [400, 403, 404, 409] },
  { method: 'GET', path: '/api/persons/:id/history', summary: "The person's audit events, oldest first", roles: 'viewer+ (contributors: own)', response: z.object({ events: z.array(auditEvent.extend({ revertible: z.boolean(), revertNote: z.string().optional(), change: z.unknown().optional() })) }), errors: [404] },
  { method: 'POST', path: '/api/persons/:id/merge', summary: 'Merge this person into another (undo with unmerge)', roles: 'verifier, admin', body: mergeBodySchema, response: z.object({ kept: z.string(), merged: z.string() }), errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/persons/:id/unmerge', summary: 'Undo a merge: the person stands alone again', roles: 'verifier, admin', body: reasonBodySchema, response: z.object({ restored: z.string(), from: z.string() }), errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/claims/:id/split', summary: 'Split a claim off into a new person', roles: 'verifier, admin', body: reasonBodySchema, response: z.object({ person: z.string(), from: z.string() }), errors: [400, 403, 404, 409] },
  { method: 'GET', path: '/api/candidates', summary: "The register's likeliest matches for a record being typed in", roles: 'viewer+', query: candidateQuerySchema, errors: [400] },
  { method: 'GET', path: '/api/queues/backlog', summary: 'Reported deaths awaiting verification, oldest first', roles: 'viewer, verifier, admin', query: backlogQuerySchema, response: z.object({ persons: z.array(summary) }), errors: [400, 403] },
  { method: 'GET', path: '/api/queues/duplicates', summary: 'Likely duplicate pairs, likeliest first', roles: 'viewer, verifier, admin', query: duplicatesQuerySchema, response: z.object({ pairs: z.array(pair) }), errors: [400, 403] },
  { method: 'GET', path: '/api/queues/duplicates/:pairId', summary: 'One pair: both persons and the comparison waterfall', roles: 'viewer, verifier, admin', errors: [403, 404] },
  { method: 'POST', path: '/api/queues/duplicates/:pairId/decision', summary: 'Same (merges, undoable), different or unsure', roles: 'verifier, admin', body: pairDecisionBodySchema, response: z.object({ pair: z.string(), decision: z.string(), kept: z.string().optional() }), errors: [400, 403, 404, 409] },
  { method: 'POST', path: '/api/sources', summary: 'Add a source (http(s) URL)', roles: 'contributor, verifier, admin', body: sourceInputSchema, response: source, status: 201, errors: [400, 403] },
  { method: 'GET', path: '/api/sources/:id', summary: 'A source with its evidence files (restricted: verifiers and admins; contributors: own)', roles: 'signed in', response: source, errors: [404] },
  { method: 'POST', path: '/api/sources/:id/evidence', summary: 'Upload an evidence file as the raw body (50 MB at most; the type must match the bytes; images must decode and have at most 100 megapixels)', roles: 'contributor (own sources), verifier, admin', rawBody: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'], response: z.object({ id: z.string(), sha256: z.string(), size: z.number(), duplicate: z.boolean(), media_type: z.string(), derivative: z.object({ sha256: z.string(), size: z.number() }).nullable() }), status: 201, errors: [403, 404, 413, 415, 422] },
  { method: 'POST', path: '/api/persons', summary: 'Record a new person with one claim from a source', roles: 'contributor, verifier, admin', body: claimInputSchema, response: created, status: 201, errors: [400, 403, 404] },
  { method: 'POST', path: '/api/persons/:id/claims', summary: 'Add a claim from a source to a person (contributors: own drafts)', roles: 'contributor, verifier, admin', body: claimInputSchema, response: created, status: 201, errors: [400, 403, 404] },
  { method: 'GET', path: '/api/evidence/:id/original', summary: 'The exact uploaded bytes of an evidence file, as an attachment (restricted sources: roles granted restricted data and the uploader; else 404)', roles: 'whoever may see the source', download: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'application/octet-stream'], errors: [404, 503] },
  { method: 'GET', path: '/api/evidence/:id/derivative', summary: 'The metadata-free working copy of an evidence image (404 for PDFs and other files)', roles: 'whoever may see the source', download: ['image/png', 'image/jpeg', 'image/webp'], errors: [404, 503] },
  { method: 'GET', path: '/api/export', summary: 'The register as CSV, JSON or XLSX (contributors: their own records; restricted sources’ fields only with includeRestricted=true, verifiers and admins)', roles: 'signed in', query: exportQuerySchema, download: ['text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], errors: [400, 403] },
  ...EDIT_IMPORT_ROUTES,
  { method: 'GET', path: '/api/openapi.json', summary: 'This document', roles: 'signed in' },
];
