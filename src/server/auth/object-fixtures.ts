import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { insertClaims, insertSources } from '../../db/repositories/claim.repository.js';
import type { ClaimsTable, SourcesTable } from '../../db/schema.js';
import { addEvidence } from '../../services/evidence/evidence.service.js';
import { seedPerson } from '../../services/testing/seed.js';

// Test support for the authorisation tests: register objects in a given state (draft or published,
// public or restricted, whose), inserted directly so each test states exactly what it needs. Synthetic.

const NOW = '2026-12-01T00:00:00.000Z';

/** A source; fields not given are plain synthetic values. */
export async function addSourceRow(db: Db, input: { sensitivity: 'public' | 'restricted'; createdBy: string } & Partial<SourcesTable>): Promise<string> {
  const { sensitivity, createdBy, ...fields } = input;
  const id = fields.id ?? newId();
  await insertSources(db.kysely, [{ id, kind: 'obituary', kind_text: null, list: null, url: 'https://example.org/synthetic/source', publisher: null, author: null, language: null, published_at: null, captured_at: null, excerpt: null, reliability: null, import_id: null, created_at: NOW, ...fields, sensitivity, created_by: createdBy }]);
  return id;
}

/** A claim tying a person to a source. */
export async function addClaimRow(db: Db, input: { personId: string; sourceId: string; createdBy: string } & Partial<ClaimsTable>): Promise<string> {
  const { personId, sourceId, createdBy, ...fields } = input;
  const id = newId();
  await insertClaims(db.kysely, [{ id, record_id: null, import_id: null, row_number: null, surname: null, given_name: null, patronymic: null, full_name: null, sex: null, birth_date: null, age: null, region: null, death_date: null, death_place: null, category: null, rank: null, unit: null, status: null, extra: null, created_at: NOW, ...fields, person_id: personId, source_id: sourceId, created_by: createdBy }]);
  return id;
}

/** A person in a verification state, entered by `createdBy`, with one claim from a public source of theirs (plus any `claimsFrom`). */
export async function addPersonRow(db: Db, input: { verification: 'reported' | 'confirmed'; createdBy: string; claimsFrom?: readonly string[] }): Promise<string> {
  const id = await seedPerson(db, { author: input.createdBy, kind: 'local_media', person: { verification: input.verification } });
  for (const sourceId of input.claimsFrom ?? []) await addClaimRow(db, { personId: id, sourceId, createdBy: input.createdBy, unit: 'synthetic unit' });
  return id;
}

/** An evidence file with these bytes, added through the evidence service as `actor`. */
export async function addEvidenceFile(db: Db, store: string, input: { sourceId: string; actor: string; bytes: Uint8Array; name?: string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reckon-fixture-'));
  try {
    const file = join(dir, input.name ?? 'upload');
    await writeFile(file, input.bytes);
    return (await addEvidence(db, store, { file, sourceId: input.sourceId, actor: input.actor })).id;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
