import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { jpegWithGps, pngFloodHeader } from '../../services/evidence/test-images.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';

// Evidence over HTTP as the web app uses it: upload a photo, then download the original (exact bytes) and
// the metadata-free derivative, each as far as the account's role and the source's sensitivity allow.
const MARKER = 'SYNTHETIC-CANARY-gps-41c2';
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe.each(await testDialects())('evidence downloads on %s (EV-HASH, EV-ORIGINALS, UPLOAD)', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let store: string;
  let photo: Buffer;
  const cookies: Partial<Record<Role, string>> = {};
  const clock = testClock();
  const get = async (who: Role, path: string): Promise<Response> => app.request(path, { headers: appHeaders(cookies[who]) }, fromClient('127.0.0.1'));
  const post = async (who: Role, path: string, body: Uint8Array | string, type = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await app.request(path, { method: 'POST', headers: { ...appHeaders(cookies[who]), 'content-type': type }, body }, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const addSource = async (who: Role, sensitivity: 'public' | 'restricted'): Promise<string> => {
    const res = await post(who, '/api/sources', JSON.stringify({ kind: 'grave_photo', url: 'https://example.org/synthetic/grave', sensitivity }));
    expect(res.status).toBe(201);
    return res.json.id as string;
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    store = mkdtempSync(join(tmpdir(), 'reckon-evidence-http-'));
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT }, evidenceStore: store });
    const accounts = await addTestAccounts(t.db);
    for (const role of ['viewer', 'contributor', 'verifier', 'admin'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
    photo = await jpegWithGps(MARKER);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(store, { recursive: true, force: true });
  });

  it('serves the original byte for byte as an attachment under a server-made name, and a derivative without EXIF that still decodes', async () => {
    const source = await addSource('contributor', 'public');
    const up = await post('contributor', `/api/sources/${source}/evidence`, photo, 'image/jpeg');
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({ sha256: sha(photo), media_type: 'image/jpeg', derivative: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } });
    const id = up.json.id as string;

    const original = await get('viewer', `/api/evidence/${id}/original`);
    expect(original.status).toBe(200);
    const bytes = new Uint8Array(await original.arrayBuffer());
    expect(sha(bytes)).toBe(sha(photo));
    expect(Object.fromEntries(['content-type', 'content-disposition', 'x-content-type-options', 'content-length', 'cache-control'].map((h) => [h, original.headers.get(h)]))).toEqual({
      'content-type': 'image/jpeg',
      'content-disposition': `attachment; filename="evidence-${sha(photo).slice(0, 16)}.jpg"`,
      'x-content-type-options': 'nosniff',
      'content-length': String(photo.length),
      'cache-control': 'no-store',
    });

    const derivative = await get('contributor', `/api/evidence/${id}/derivative`);
    expect(derivative.status).toBe(200);
    expect(derivative.headers.get('content-disposition')).toBe(`attachment; filename="evidence-${sha(photo).slice(0, 16)}-public.jpg"`);
    const copy = Buffer.from(await derivative.arrayBuffer());
    expect(sha(copy)).toBe((up.json.derivative as { sha256: string }).sha256);
    const meta = await sharp(copy).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif, xmp: meta.xmp, comments: meta.comments }).toEqual({ format: 'jpeg', width: 64, height: 48, exif: undefined, xmp: undefined, comments: undefined });
    expect(copy.includes(MARKER)).toBe(false);
    expect((await get('viewer', `/api/sources/${source}`)).status).toBe(200);
    const shown = (await (await get('viewer', `/api/sources/${source}`)).json()) as { evidence: { id: string; derivative: boolean }[] };
    expect(shown.evidence).toEqual([expect.objectContaining({ id, derivative: true })]);
  });

  it('answers 404, never 403, to accounts that may not have the file, and for a PDF’s derivative', async () => {
    const restricted = await addSource('verifier', 'restricted');
    const onRestricted = await post('verifier', `/api/sources/${restricted}/evidence`, photo, 'image/jpeg');
    const id = onRestricted.json.id as string;
    const statuses = async (path: string): Promise<Record<string, number>> =>
      Object.fromEntries(await Promise.all((['viewer', 'contributor', 'verifier', 'admin'] as const).map(async (who) => [who, (await get(who, path)).status] as const)));
    expect(await statuses(`/api/evidence/${id}/original`)).toEqual({ viewer: 404, contributor: 404, verifier: 200, admin: 200 });
    expect(await statuses(`/api/evidence/${id}/derivative`)).toEqual({ viewer: 404, contributor: 404, verifier: 200, admin: 200 });
    expect(await statuses('/api/evidence/no-such-file/original')).toEqual({ viewer: 404, contributor: 404, verifier: 404, admin: 404 });

    // The contributor's own restricted source: they see it and its derivative; the original a verifier added stays with those granted restricted data.
    const own = await addSource('contributor', 'restricted');
    const mine = (await post('contributor', `/api/sources/${own}/evidence`, photo, 'image/jpeg')).json.id as string;
    const theirs = (await post('verifier', `/api/sources/${own}/evidence`, await sharp(photo).rotate(180).jpeg().toBuffer(), 'image/jpeg')).json.id as string;
    expect(await statuses(`/api/evidence/${mine}/original`)).toEqual({ viewer: 404, contributor: 200, verifier: 200, admin: 200 });
    expect(await statuses(`/api/evidence/${theirs}/original`)).toEqual({ viewer: 404, contributor: 404, verifier: 200, admin: 200 });
    expect(await statuses(`/api/evidence/${theirs}/derivative`)).toEqual({ viewer: 404, contributor: 200, verifier: 200, admin: 200 });

    const pdf = await post('contributor', `/api/sources/${own}/evidence`, new TextEncoder().encode('%PDF-1.7\n% synthetic\n'), 'application/pdf');
    expect(pdf.json.derivative).toBeNull();
    expect((await get('contributor', `/api/evidence/${pdf.json.id as string}/derivative`)).status).toBe(404);
    expect((await get('contributor', `/api/evidence/${pdf.json.id as string}/original`)).headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses a pixel flood with 422 naming the size, and one that is not an image with 415; nothing is stored', async () => {
    const source = await addSource('contributor', 'public');
    const before = readdirSync(store, { recursive: true }).length;
    const flood = await post('contributor', `/api/sources/${source}/evidence`, pngFloodHeader(), 'image/png');
    expect(flood).toEqual({ status: 422, json: { error: 'the image is 50000×50000 pixels (2,500,000,000); at most 100,000,000 are accepted' } });
    const broken = await post('contributor', `/api/sources/${source}/evidence`, Buffer.concat([pngFloodHeader().subarray(0, 8), Buffer.from('<svg onload=alert(1)>')]), 'image/png');
    expect(broken).toEqual({ status: 415, json: { error: 'the file starts like image/png but is not a readable image' } });
    expect(readdirSync(store, { recursive: true }).length).toBe(before);
    expect(((await (await get('contributor', `/api/sources/${source}`)).json()) as { evidence: unknown[] }).evidence).toEqual([]);
  });
});
