import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { seedPerson } from '../testing/seed.js';
import { blobPath } from './evidence-store.js';
import { addEvidence, scrubEvidence } from './evidence.service.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);

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
    writeFileSync(file, PNG);
    const first = await addEvidence(t.db, store, { file, sourceId, actor: 'anna' });
    const second = await addEvidence(t.db, store, { file, sourceId, actor: 'boris' });
    expect(second).toMatchObject({ sha256: first.sha256, duplicate: true });
    const row = await t.db.kysely.selectFrom('evidence_files').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.media_type).toBe('image/png');
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
