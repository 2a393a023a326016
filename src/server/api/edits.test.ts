import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClaims } from '../../db/repositories/claim.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { Role } from '../../services/auth/auth.schemas.js';
import { addUser } from '../../services/auth/user.service.js';
import { seedPerson } from '../../services/testing/seed.js';
import { createApp } from '../app.js';
import { addTestAccounts, appHeaders, fromClient, logIn, TEST_SCRYPT, testClock } from '../auth/auth-test-kit.js';

// Field edits with revert over HTTP, as the person page uses them. Synthetic persons only.

type Json = Record<string, unknown>;
interface Event { seq: number; action: string; actor: string; revertible: boolean; revertNote?: string; change?: { field: string; before: Record<string, string | null>; after: Record<string, string | null>; state: string } }

describe.each(await testDialects())('field edits and reverts on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const cookies: Partial<Record<Role, string>> = {};
  const clock = testClock();
  const call = async (who: Role, path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
    const init: RequestInit = body === undefined ? { headers: appHeaders(cookies[who]) } : { method: 'POST', headers: appHeaders(cookies[who]), body: JSON.stringify(body) };
    const res = await app.request(path, init, fromClient('127.0.0.1'));
    return { status: res.status, json: (await res.json()) as Json };
  };
  const person = async (id: string): Promise<Json> => (await call('verifier', `/api/persons/${id}`)).json.person as Json;
  const history = async (id: string): Promise<Event[]> => (await call('verifier', `/api/persons/${id}/history`)).json.events as Event[];
  const seed = (author: string, verification = 'reported'): Promise<string> => seedPerson(t.db, { author, kind: 'local_media', person: { verification } });
  const edit = async (who: Role, id: string, field: string, value: string | null, reason = 'the synthetic obituary says so'): Promise<{ status: number; json: Json }> =>
    call(who, `/api/persons/${id}/edit`, { field, value, reason, version: (await person(id)).version });

  beforeAll(async () => {
    t = await createTestDb(dialect);
    app = createApp({ db: t.db, auth: { now: clock.now, dummyScrypt: TEST_SCRYPT } });
    const accounts = await addTestAccounts(t.db);
    for (const role of ['viewer', 'contributor', 'verifier', 'admin'] as const) cookies[role] = (await logIn(app, clock, accounts[role])).cookie ?? '';
  });
  afterAll(async () => t.dispose());

  it('corrects a field with the import’s normalisers, keeps the claims as given, and refuses a stale version or a bad value naming the field', async () => {
    const id = await seed('someone');
    expect((await person(id)).version).toBe(1);
    const done = await call('verifier', `/api/persons/${id}/edit`, { field: 'birth_date', value: '12.03.1991', reason: 'the grave photo gives the day', version: 1 });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ state: 'applied', version: 2, before: { birth_date_text: '1990', birth_precision: 'year' }, after: { birth_date_text: '12.03.1991', birth_precision: 'day', birth_from: '1991-03-12', birth_to: '1991-03-12' } });
    const detail = (await call('verifier', `/api/persons/${id}`)).json as { person: Json; claims: { birth_date: string }[] };
    expect(detail.person).toMatchObject({ birth_date_text: '12.03.1991', birth_from: '1991-03-12', version: 2 });
    expect(detail.claims.map((c) => c.birth_date)).toEqual(['1990']);

    const stale = await call('verifier', `/api/persons/${id}/edit`, { field: 'unit', value: '1st battalion', reason: 'another source', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatch(/version 2.*version 1/);
    const badDate = await edit('verifier', id, 'death_date', 'когда-то давно');
    expect(badDate.status).toBe(400);
    expect(String(badDate.json.issues)).toMatch(/^death_date: "когда-то давно" is not a date/);
    expect((await edit('verifier', id, 'region', 'Нарния')).json.issues).toEqual([expect.stringMatching(/^region: region "Нарния" not recognised/)]);
    const unknown = await call('verifier', `/api/persons/${id}/edit`, { field: 'nickname', value: 'x', reason: 'test', version: 2 });
    expect(unknown.status).toBe(400);
    expect(String(unknown.json.issues)).toContain('field');
    expect((await person(id)).version).toBe(2);

    const region = await edit('verifier', id, 'region', 'Курская обл.');
    expect(region.json.after).toEqual({ region_text: 'Курская обл.', region_code: 'RU-KRS' });
    expect((await edit('verifier', id, 'surname', 'Синтетиков')).status).toBe(200);
    const found = (await call('viewer', '/api/persons?q=синтетиков')).json.persons as { id: string }[];
    expect(found.map((p) => p.id)).toContain(id);
  });

  it('lets contributors edit only their own unconfirmed drafts, never a confirmed record; viewers not at all', async () => {
    const own = await seed('t-contributor');
    const others = await seed('someone');
    const confirmed = await seed('t-contributor', 'confirmed');
    expect((await edit('contributor', own, 'unit', 'synthetic unit')).status).toBe(200);
    expect((await call('contributor', `/api/persons/${others}/edit`, { field: 'unit', value: 'x', reason: 'test', version: 1 })).status).toBe(404);
    const refused = await call('contributor', `/api/persons/${confirmed}/edit`, { field: 'unit', value: 'x', reason: 'test', version: 1 });
    expect(refused.status).toBe(403);
    expect((await person(confirmed)).unit).toBeNull();
    expect((await call('viewer', `/api/persons/${own}/edit`, { field: 'unit', value: 'x', reason: 'test', version: 2 })).status).toBe(403);
  });

  it('holds an edit of a confirmed person for a second reviewer: the proposer cannot approve it, another reviewer can (REV-4EYES)', async () => {
    const id = await seed('someone', 'confirmed');
    const proposed = await edit('verifier', id, 'rank', 'сержант');
    expect(proposed.status).toBe(202);
    expect(proposed.json).toMatchObject({ state: 'pending', seq: null, version: 1 });
    expect((await person(id)).rank).toBe('рядовой');
    const queue = (await call('viewer', '/api/queues/edits')).json.edits as { edit: string }[];
    expect(queue.map((e) => e.edit)).toContain(proposed.json.edit);
    const self = await call('verifier', `/api/edits/${String(proposed.json.edit)}/approve`, { reason: 'I checked it myself' });
    expect(self.status).toBe(403);
    expect((await person(id)).rank).toBe('рядовой');
    const approved = await call('admin', `/api/edits/${String(proposed.json.edit)}/approve`, { reason: 'the unit’s list agrees' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ state: 'applied', decidedBy: 't-admin', version: 2 });
    expect((await person(id)).rank).toBe('сержант');
    expect((await call('admin', `/api/edits/${String(proposed.json.edit)}/approve`, { reason: 'again' })).status).toBe(409);
    const events = await history(id);
    expect(events.map((e) => `${e.action} ${e.actor}`)).toEqual(expect.arrayContaining(['person.edit.propose t-verifier', 'person.edit t-admin']));

    const second = await edit('verifier', id, 'unit', 'synthetic unit');
    const declined = await call('admin', `/api/edits/${String(second.json.edit)}/decline`, { reason: 'no source for it' });
    expect(declined.json).toMatchObject({ state: 'declined' });
    expect((await person(id)).unit).toBeNull();
  });

  it('holds a revert of a confirmed person’s field for a second reviewer; on an unconfirmed person it applies at once (REV-4EYES)', async () => {
    const id = await seed('someone', 'confirmed');
    const proposed = await edit('verifier', id, 'unit', 'synthetic unit 9');
    const seq = Number((await call('admin', `/api/edits/${String(proposed.json.edit)}/approve`, { reason: 'the list agrees' })).json.seq);
    const revert = await call('admin', `/api/persons/${id}/revert`, { seq, reason: 'the list meant another man' });
    expect(revert.status).toBe(202);
    expect(revert.json).toMatchObject({ reverted: seq, state: 'pending', detail: { field: 'unit', restored: { unit: null } } });
    expect((await person(id)).unit).toBe('synthetic unit 9');
    const queue = (await call('viewer', '/api/queues/edits?limit=500')).json.edits as { edit: string }[];
    expect(queue.find((e) => e.edit === revert.json.edit)).toMatchObject({ kind: 'revert', before: { unit: 'synthetic unit 9' }, after: { unit: null }, proposedBy: 't-admin' });
    const self = await call('admin', `/api/edits/${String(revert.json.edit)}/approve`, { reason: 'I checked it myself' });
    expect(self.status).toBe(403);
    expect((await person(id)).unit).toBe('synthetic unit 9');
    const approved = await call('verifier', `/api/edits/${String(revert.json.edit)}/approve`, { reason: 'the second list agrees' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ kind: 'revert', state: 'applied', decidedBy: 't-verifier' });
    expect((await person(id)).unit).toBeNull();
    const events = await history(id);
    expect(events.filter((e) => e.action === 'person.revert').map((e) => e.actor)).toEqual(['t-verifier']);
    expect(events.find((e) => e.seq === seq)?.change?.state).toBe('reverted');

    const draft = await seed('someone');
    const direct = await edit('verifier', draft, 'unit', 'synthetic unit 10');
    const undone = await call('verifier', `/api/persons/${draft}/revert`, { seq: direct.json.seq, reason: 'wrong unit' });
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ action: 'person.revert', state: 'applied' });
    expect((await person(draft)).unit).toBeNull();
  });

  it('reverts an edit, refusing while a later edit of the field stands and naming it; the revert is audited', async () => {
    const id = await seed('someone');
    const first = await edit('verifier', id, 'unit', 'synthetic unit A');
    const second = await edit('admin', id, 'unit', 'synthetic unit B');
    const [s1, s2] = [Number(first.json.seq), Number(second.json.seq)];
    const early = await call('verifier', `/api/persons/${id}/revert`, { seq: s1, reason: 'wrong unit' });
    expect(early.status).toBe(409);
    expect(early.json.error).toContain(`event ${s2}`);
    let events = await history(id);
    expect(events.find((e) => e.seq === s1)).toMatchObject({ revertible: false, revertNote: expect.stringContaining(`event ${s2}`) as string, change: { field: 'unit', state: 'applied' } });
    expect(events.find((e) => e.seq === s2)?.revertible).toBe(true);

    const undone = await call('verifier', `/api/persons/${id}/revert`, { seq: s2, reason: 'B was a typo' });
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ reverted: s2, action: 'person.revert' });
    expect((await person(id)).unit).toBe('synthetic unit A');
    expect((await call('verifier', `/api/persons/${id}/revert`, { seq: s2, reason: 'again' })).json.error).toMatch(/already reverted by event/);
    expect((await call('verifier', `/api/persons/${id}/revert`, { seq: s1, reason: 'A was wrong too' })).status).toBe(200);
    expect((await person(id)).unit).toBeNull();
    events = await history(id);
    const reverts = events.filter((e) => e.action === 'person.revert');
    expect(reverts.map((e) => e.actor)).toEqual(['t-verifier', 't-verifier']);
    // The newest revert can itself be reverted; the older one waits behind it.
    expect(reverts.map((e) => e.revertible)).toEqual([false, true]);

    const viewer = await call('viewer', `/api/persons/${id}/revert`, { seq: s1, reason: 'test' });
    expect(viewer.status).toBe(403);
    expect((await call('viewer', `/api/persons/${id}/history`)).json.events).toEqual(expect.arrayContaining([expect.objectContaining({ revertible: false })]));
  });

  it('does not revert a verification decision, and names the way to change it', async () => {
    const id = await seed('someone');
    expect((await call('verifier', `/api/persons/${id}/decision`, { decision: 'disputed', reason: 'the synthetic source names another unit' })).status).toBe(200);
    const decision = (await history(id)).find((e) => e.action === 'person.dispute');
    expect(decision).toMatchObject({ revertible: false });
    const refused = await call('verifier', `/api/persons/${id}/revert`, { seq: decision?.seq, reason: 'undo' });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatch(/new decision/);
    expect((await call('verifier', `/api/persons/${id}/revert`, { seq: 999_999, reason: 'undo' })).status).toBe(404);
  });

  it('reverts a merge (unmerge) and a split (merged back)', async () => {
    const [a, b] = [await seed('someone'), await seed('someone')];
    expect((await call('verifier', `/api/persons/${b}/merge`, { into: a, reason: 'same synthetic person' })).status).toBe(200);
    const merge = (await history(a)).find((e) => e.action === 'person.merge');
    expect(merge?.revertible).toBe(true);
    const undone = await call('admin', `/api/persons/${a}/revert`, { seq: merge?.seq, reason: 'namesakes after all' });
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ action: 'person.unmerge', detail: { restored: b, from: a } });
    expect((await person(b)).merged_into).toBeNull();
    expect((await history(a)).find((e) => e.seq === merge?.seq)).toMatchObject({ revertible: false, revertNote: 'this merge was already undone' });
    expect((await call('admin', `/api/persons/${a}/revert`, { seq: merge?.seq, reason: 'again' })).status).toBe(409);
    // Merged again since: the old merge event must not undo the newer merge.
    expect((await call('verifier', `/api/persons/${b}/merge`, { into: a, reason: 'same synthetic person after all' })).status).toBe(200);
    const stale = await call('admin', `/api/persons/${a}/revert`, { seq: merge?.seq, reason: 'the old merge' });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatch(/merged again since/);
    expect((await person(b)).merged_into).toBe(a);

    const c = await seed('someone');
    const source = (await t.db.kysely.selectFrom('claims').select('source_id').where('person_id', '=', c).executeTakeFirstOrThrow()).source_id;
    await insertClaims(t.db.kysely, [{ id: `claim-${c}`, person_id: c, source_id: source, record_id: null, import_id: null, row_number: null, surname: 'Другой', given_name: 'Синтетический', patronymic: null, full_name: null, sex: null, birth_date: null, age: null, region: null, death_date: null, death_place: null, category: null, rank: null, unit: null, status: null, extra: null, created_by: 'someone', created_at: new Date().toISOString() }]);
    const split = await call('verifier', `/api/claims/claim-${c}/split`, { reason: 'the claim names another man' });
    const d = split.json.person as string;
    const event = (await history(c)).find((e) => e.action === 'person.split');
    expect(event?.revertible).toBe(true);
    const back = await call('verifier', `/api/persons/${c}/revert`, { seq: event?.seq, reason: 'the same man after all' });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ action: 'person.merge', detail: { kept: c, merged: d } });
    expect((await person(d)).merged_into).toBe(c);
    expect((await call('verifier', `/api/persons/${c}/revert`, { seq: event?.seq, reason: 'again' })).status).toBe(409);
  });

  it('reverts every edit one account made, newest first, in one audited step, skipping a field someone changed since', async () => {
    const volunteer = { username: 'bulk-volunteer', password: 'a volunteer passphrase', totpSecret: null };
    await addUser(t.db, { ...volunteer, role: 'contributor', actor: 'test', scrypt: TEST_SCRYPT });
    cookies.contributor = (await logIn(app, clock, volunteer)).cookie ?? '';
    const [p, q] = [await seed('bulk-volunteer'), await seed('bulk-volunteer')];
    await edit('contributor', p, 'unit', 'synthetic unit 1');
    await edit('contributor', p, 'unit', 'synthetic unit 2');
    await edit('contributor', p, 'rank', 'ефрейтор');
    const later = await edit('contributor', q, 'death_place', 'синтетический посёлок');
    await edit('verifier', q, 'death_place', 'другой синтетический посёлок');
    await edit('verifier', p, 'sex', 'female');
    expect((await call('verifier', '/api/users/bulk-volunteer/revert-edits', { reason: 'vandalism' })).status).toBe(403);
    const bulk = await call('admin', '/api/users/bulk-volunteer/revert-edits', { reason: 'synthetic vandalism drill' });
    expect(bulk.status).toBe(200);
    expect(bulk.json).toMatchObject({ account: 'bulk-volunteer', reverted: 3, declined: 0 });
    expect(bulk.json.skipped).toEqual([expect.objectContaining({ person: q, field: 'death_place', seq: later.json.seq, reason: expect.stringContaining('changed again since') as string })]);
    expect(await person(p)).toMatchObject({ unit: null, rank: 'рядовой', sex: 'female' });
    expect((await person(q)).death_place).toBe('другой синтетический посёлок');
    const audit = await t.db.kysely.selectFrom('audit_events').select(['action', 'actor', 'entity_id']).where('action', 'in', ['user.revert_edits', 'person.revert']).where('actor', '=', 't-admin').execute();
    expect(audit.filter((e) => e.action === 'person.revert')).toHaveLength(3);
    expect(audit.filter((e) => e.action === 'user.revert_edits').map((e) => e.entity_id)).toEqual(['bulk-volunteer']);

    // A verifier's own revert is one of their edits too: undoing it puts the edit back, which is then undone.
    const r = await seed('someone');
    const own = await edit('verifier', r, 'unit', 'synthetic unit V');
    await call('verifier', `/api/persons/${r}/revert`, { seq: own.json.seq, reason: 'changed my mind' });
    await edit('admin', r, 'rank', 'сержант');
    const confirmed = await seed('someone', 'confirmed');
    const pending = await edit('verifier', confirmed, 'unit', 'synthetic unit');
    const again = await call('admin', '/api/users/t-verifier/revert-edits', { reason: 'synthetic drill' });
    expect(again.json).toMatchObject({ declined: 1 });
    expect(await person(r)).toMatchObject({ unit: null, rank: 'сержант' });
    expect((await history(r)).filter((e) => e.action === 'person.revert').map((e) => `${e.actor} ${e.change?.after.unit ?? 'null'}`)).toEqual(['t-verifier null', 't-admin synthetic unit V', 't-admin null']);
    expect((await call('admin', `/api/edits/${String(pending.json.edit)}/approve`, { reason: 'too late' })).status).toBe(409);
    expect((await call('admin', '/api/users/nobody-here/revert-edits', { reason: 'synthetic drill' })).status).toBe(404);
  });

  it('keeps edited values out of the audit log, plain or hashed (AUD-PRIV)', async () => {
    const id = await seed('someone');
    const canary = 'Канареечный-Синтетический';
    expect((await edit('verifier', id, 'surname', canary)).status).toBe(200);
    const rows = await t.db.kysely.selectFrom('audit_events').select(['before', 'after']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(canary);
    expect(text).not.toContain(createHash('sha256').update(canary).digest('hex'));
    const change = (await history(id)).find((e) => e.action === 'person.edit')?.change;
    expect(change?.after).toEqual({ surname: canary });
  });
});
