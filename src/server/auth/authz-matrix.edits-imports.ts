import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import type { Role, SessionUser } from '../../services/auth/auth.schemas.js';
import { stageImport } from '../../services/import/staged-import.service.js';
import { seedPerson } from '../../services/testing/seed.js';
import { appHeaders } from './auth-test-kit.js';

// Test support for authz-matrix.test.ts: the rows of the field-edit, revert and browser-import routes, and
// the synthetic objects they act on (one fresh draft per caller where a success changes the object).

type Who = 'anon' | Role;
const WHO: readonly Who[] = ['anon', 'viewer', 'contributor', 'verifier', 'admin'];

export interface EditImportIds {
  /** One reported person per caller, entered by the contributor / by someone else. */
  ownDrafts: Record<Who, string>;
  othersDrafts: Record<Who, string>;
  /** A confirmed person the contributor entered. */
  ownConfirmed: string;
  /** Staged imports uploaded by the contributor and by the verifier. */
  ownStaged: string;
  othersStaged: string;
}

interface MatrixCtx {
  session(who: Who): Promise<string | undefined>;
  editsImports: EditImportIds;
}

interface MatrixCase {
  name: string;
  request(ctx: MatrixCtx, who: Who): Promise<{ url: string; init?: RequestInit }>;
  expect: Record<Who, number>;
}

/** A small synthetic record CSV. */
export const MATRIX_CSV = 'surname,given_name,birth_date,region\nТестов,Пример,1990,Свердловская обл.\nСинтетов,Образец,1985,Курская область\n';

const asUser = (username: string, role: Role): SessionUser => ({ id: username, username, displayName: username, role });

/** Persons and staged imports for the matrix rows (synthetic). */
export async function addEditImportFixtures(db: Db, names: Record<Role, string>): Promise<EditImportIds> {
  const person = (author: string, verification = 'reported') => seedPerson(db, { author, kind: 'local_media', person: { verification } });
  const ownDrafts: Partial<Record<Who, string>> = {};
  const othersDrafts: Partial<Record<Who, string>> = {};
  for (const who of WHO) {
    ownDrafts[who] = await person(names.contributor);
    othersDrafts[who] = await person('someone-else');
  }
  const dir = await mkdtemp(join(tmpdir(), 'reckon-matrix-import-'));
  try {
    const file = join(dir, 'records.csv');
    await writeFile(file, MATRIX_CSV);
    const ownStaged = (await stageImport(db, asUser(names.contributor, 'contributor'), { path: file, declared: 'csv', name: 'own.csv' })).id;
    const othersStaged = (await stageImport(db, asUser(names.verifier, 'verifier'), { path: file, declared: 'csv', name: 'others.csv' })).id;
    return { ownDrafts: ownDrafts as Record<Who, string>, othersDrafts: othersDrafts as Record<Who, string>, ownConfirmed: await person(names.contributor, 'confirmed'), ownStaged, othersStaged };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const get = (url: (ctx: MatrixCtx) => string) => async (ctx: MatrixCtx, who: Who) => ({ url: url(ctx), init: { headers: appHeaders(await ctx.session(who)) } });
const post = (url: (ctx: MatrixCtx, who: Who) => string, body: unknown) => async (ctx: MatrixCtx, who: Who) => ({
  url: url(ctx, who),
  init: { method: 'POST', headers: appHeaders(await ctx.session(who)), body: JSON.stringify(body) },
});
const staff = (ok: number, others = 403): Record<Who, number> => ({ anon: 401, viewer: others, contributor: others, verifier: ok, admin: ok });
const importers = (ok: number, contributor = ok): Record<Who, number> => ({ anon: 401, viewer: 403, contributor, verifier: ok, admin: ok });
const edit = { field: 'unit', value: 'synthetic unit 7', reason: 'the synthetic obituary names the unit', version: 1 };

/** The matrix rows of the edit, revert and import routes. */
export const EDIT_IMPORT_MATRIX: Record<string, MatrixCase[]> = {
  'POST /api/persons/:id/edit': [
    { name: "the contributor's own draft", request: post((ctx, who) => `/api/persons/${ctx.editsImports.ownDrafts[who]}/edit`, edit), expect: importers(200) },
    { name: "someone else's draft", request: post((ctx, who) => `/api/persons/${ctx.editsImports.othersDrafts[who]}/edit`, edit), expect: importers(200, 404) },
    // Confirmed: contributors never; verifiers and admins propose, a second reviewer applies (202).
    { name: "the contributor's own confirmed record", request: post((ctx) => `/api/persons/${ctx.editsImports.ownConfirmed}/edit`, edit), expect: importers(202, 403) },
  ],
  'POST /api/persons/:id/revert': [
    { name: 'an event the person does not have', request: post((ctx) => `/api/persons/${ctx.editsImports.ownConfirmed}/revert`, { seq: 999_999, reason: 'synthetic revert' }), expect: staff(404) },
  ],
  'GET /api/queues/edits': [{ name: 'edits waiting for a second reviewer', request: get(() => '/api/queues/edits'), expect: { anon: 401, viewer: 200, contributor: 403, verifier: 200, admin: 200 } }],
  'POST /api/edits/:id/approve': [{ name: 'a missing edit', request: post(() => '/api/edits/no-such-edit/approve', { reason: 'looks right' }), expect: staff(404) }],
  'POST /api/edits/:id/decline': [{ name: 'a missing edit', request: post(() => '/api/edits/no-such-edit/decline', { reason: 'not supported' }), expect: staff(404) }],
  'POST /api/users/:username/revert-edits': [
    { name: "revert the contributor's edits", request: post(() => '/api/users/t-contributor/revert-edits', { reason: 'synthetic bulk revert' }), expect: { anon: 401, viewer: 403, contributor: 403, verifier: 403, admin: 200 } },
  ],
  'POST /api/imports': [
    {
      name: 'upload a CSV',
      request: async (ctx, who) => ({ url: '/api/imports?name=records.csv', init: { method: 'POST', headers: { ...appHeaders(await ctx.session(who)), 'content-type': 'text/csv' }, body: MATRIX_CSV } }),
      expect: importers(201),
    },
  ],
  'GET /api/queues/imports': [{ name: 'import-review queue (contributors: their own)', request: get(() => '/api/queues/imports'), expect: importers(200) }],
  'GET /api/imports/:id': [
    { name: "the contributor's own upload", request: get((ctx) => `/api/imports/${ctx.editsImports.ownStaged}`), expect: importers(200) },
    { name: "someone else's upload", request: get((ctx) => `/api/imports/${ctx.editsImports.othersStaged}`), expect: importers(200, 404) },
  ],
  'POST /api/imports/:id/preview': [{ name: "someone else's upload", request: post((ctx) => `/api/imports/${ctx.editsImports.othersStaged}/preview`, {}), expect: importers(200, 404) }],
  'GET /api/imports/:id/rows': [{ name: 'rows of own upload', request: get((ctx) => `/api/imports/${ctx.editsImports.ownStaged}/rows`), expect: importers(200) }],
  'POST /api/imports/:id/rows/:row': [
    { name: "fix a row of the contributor's upload", request: post((ctx) => `/api/imports/${ctx.editsImports.ownStaged}/rows/2`, { values: { unit: 'synthetic unit' } }), expect: importers(200) },
  ],
  'POST /api/imports/:id/commit': [{ name: 'a missing upload', request: post(() => '/api/imports/no-such-import/commit', {}), expect: importers(404) }],
  'POST /api/imports/:id/discard': [{ name: 'a missing upload', request: post(() => '/api/imports/no-such-import/discard', { reason: 'wrong file' }), expect: importers(404) }],
};
