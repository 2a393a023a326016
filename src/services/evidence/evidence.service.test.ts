import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { seedPerson } from '../testing/seed.js';
import { blobPath } from './evidence-store.js';
import { EvidenceRefused } from './evidence-refused.js';
import { addEvidence, scrubEvidence } from './evidence.service.js';
import { jpegWithGps, pngFloodHeader, tinyPng } from './test-images.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe.each(await testDialects())('evidence files on %s (EV-HASH, EV-SCRUB)', (dialect) => {
  let t: TestDb;
  let dir: string;
  let store: string;
  let sourceId: string;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    dir = mkdtempSync(join(tmpdir(), 'reckon-evidence-'));
    store = join(dir, 'store');
    const personId = await seedPerson(t.db, { author: 'anna', kind: 'grave_photo' });
    sourceId = (await t.db.kysely.selectFrom('claims').select('source_id').where('person_id', '=', personId).executeTakeFirstOrThrow()).source_id;
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1])('stores %i bytes exactly, under their SHA-256, read-only', async (size) => {
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + size) & 0xff;
    const file = join(dir, `upload-${size}.bin`);
    writeFileSync(file, bytes);
    const added = await addEvidence(t.db, store, { file, sourceId, actor: 'anna' });
    expect(added.sha256).toBe(sha(bytes));
    const stored = blobPath(store, added.sha256);
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    expect(statSync(stored).mode & 0o222).toBe(0);
  });

  it('knows a PNG by its bytes, not its name, and never rewrites identical bytes', async () => {
    const file = join(dir, 'photo.pdf');
    writeFileSync(file, await tinyPng());
    const first = await addEvidence(t.db, store, { file, sourceId, actor: 'anna' });
    const second = await addEvidence(t.db, store, { file, sourceId, actor: 'boris' });
    expect(second).toMatchObject({ sha256: first.sha256, duplicate: true });
    const row = await t.db.kysely.selectFrom('evidence_files').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.media_type).toBe('image/png');
  });

  it('stores an image with a metadata-free derivative linked to the original’s hash; the original stays byte for byte', async () => {
    const photo = await jpegWithGps('SYNTHETIC-CANARY-0b7e');
    const file = join(dir, 'grave.jpg');
    writeFileSync(file, photo);
    const added = await addEvidence(t.db, store, { file, sourceId, actor: 'anna' });
    expect(readFileSync(blobPath(store, added.sha256)).equals(photo)).toBe(true);
    expect(added.derivative).not.toBeNull();
    const derived = readFileSync(blobPath(store, added.derivative!.sha256));
    expect(derived.includes('SYNTHETIC-CANARY-0b7e')).toBe(false);
    expect(sha(derived)).toBe(added.derivative!.sha256);
    const rows = await t.db.kysely.selectFrom('evidence_files').selectAll().where((eb) => eb.or([eb('sha256', '=', added.sha256), eb('derived_from', '=', added.sha256)])).orderBy('role').execute();
    expect(rows.map((r) => [r.role, r.sha256, r.derived_from, r.media_type])).toEqual([
      ['derivative', added.derivative!.sha256, added.sha256, 'image/jpeg'],
      ['original', added.sha256, null, 'image/jpeg'],
    ]);
    // The same bytes again: a second original row, the one derivative reused.
    const again = await addEvidence(t.db, store, { file, sourceId, actor: 'boris' });
    expect(again).toMatchObject({ duplicate: true, derivative: added.derivative });
    expect(await t.db.kysely.selectFrom('evidence_files').select('id').where('derived_from', '=', added.sha256).execute()).toHaveLength(1);
  });

  it('refuses a pixel flood with the reason, storing no bytes, no row and no audit event', async () => {
    const file = join(dir, 'flood.png');
    writeFileSync(file, pngFloodHeader());
    const count = async (table: 'evidence_files' | 'audit_events'): Promise<number> => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { files: readdirSync(store, { recursive: true }).length, rows: await count('evidence_files'), audit: await count('audit_events') };
    await expect(addEvidence(t.db, store, { file, sourceId, actor: 'anna' })).rejects.toThrow(EvidenceRefused);
    await expect(addEvidence(t.db, store, { file, sourceId, actor: 'anna' })).rejects.toThrow('50000×50000 pixels');
    expect({ files: readdirSync(store, { recursive: true }).length, rows: await count('evidence_files'), audit: await count('audit_events') }).toEqual(before);
    expect(existsSync(blobPath(store, sha(pngFloodHeader())))).toBe(false);
  });

  it('makes no derivative of a PDF', async () => {
    const file = join(dir, 'statement.pdf');
    writeFileSync(file, '%PDF-1.7\n% synthetic\n');
    expect((await addEvidence(t.db, store, { file, sourceId, actor: 'anna' })).derivative).toBeNull();
  });

  it('scrub reports a flipped byte and a deleted file; a clean store passes', async () => {
    expect((await scrubEvidence(t.db, store)).problems).toEqual([]);
    const hashes = (await t.db.kysely.selectFrom('evidence_files').select('sha256').distinct().execute()).map((r) => r.sha256).sort();
    const [a, b] = [hashes[1]!, hashes[2]!];
    const pa = blobPath(store, a);
    chmodSync(pa, 0o644);
    const bytes = readFileSync(pa);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    writeFileSync(pa, bytes);
    unlinkSync(blobPath(store, b));
    const { problems } = await scrubEvidence(t.db, store);
    expect(problems).toEqual(expect.arrayContaining([{ sha256: a, problem: 'corrupt' }, { sha256: b, problem: 'missing' }]));
    expect(problems).toHaveLength(2);
  });
});
