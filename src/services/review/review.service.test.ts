import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegister } from '../../core/synth/generate.js';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import { importRecords } from '../import/import.service.js';
import { addClaimToPerson, createSource } from '../intake/intake.service.js';
import { editPerson } from '../person/person-edit.service.js';
import { getPersonDetail } from '../person/person.service.js';
import { CandidateFinder } from './candidates.service.js';
import { linkRegister } from './link-register.service.js';
import { splitClaim, unmergePerson } from './merge.service.js';
import { decidePair, reviewQueue, showPair } from './review.service.js';

// 80 fictional persons, each source mention imported as its own person: the register holds duplicates.
const { records } = generateRegister({ persons: 80, seed: 'review-test', homonymShare: 0.1 });

describe.each(await testDialects())('duplicate review on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importRecords(t.db, records.map((record, i) => ({ row: i + 2, record })), { actor: 'anna', fileName: 'synthetic.csv', fileSha256: 'a'.repeat(64), format: 'csv' });
  });
  afterAll(async () => t.dispose());

  it('a linkage run queues likely duplicates, likeliest first, with a waterfall per pair', async () => {
    const run = await linkRegister(t.db, { actor: 'editor' });
    expect(run.persons).toBe(records.length);
    expect(run.queued).toBeGreaterThan(20);
    const queue = await reviewQueue(t.db, { limit: 500 });
    expect(queue.length).toBe(run.queued);
    expect(queue.map((q) => q.probability)).toEqual([...queue.map((q) => q.probability)].sort((a, b) => b - a));
    const first = queue[0]!;
    const shown = await showPair(t.db, first.pair);
    const total = shown.explanation.priorWeight + shown.explanation.terms.reduce((s, term) => s + term.weight, 0);
    expect(total).toBeCloseTo(shown.explanation.weight, 6);
    expect(shown.explanation.probability).toBeCloseTo(first.probability, 6);
  });

  it('"same" merges keeping every claim, "different" is never asked again, and a merge can be undone', async () => {
    const [same, different] = await reviewQueue(t.db, { limit: 2 });
    const decided = await decidePair(t.db, { pairId: same!.pair, decision: 'same', actor: 'boris', reason: 'same birth date and unit' });
    const keptId = decided.kept!;
    const mergedId = keptId === same!.a.id ? same!.b.id : same!.a.id;
    expect((await findPerson(t.db.kysely, mergedId))?.merged_into).toBe(keptId);
    const detail = await getPersonDetail(t.db, keptId);
    expect(detail.claims.map((c) => c.person_id).sort()).toEqual([keptId, mergedId].sort());
    expect(detail.history.map((h) => h.action)).toContain('person.merge');

    await decidePair(t.db, { pairId: different!.pair, decision: 'different', actor: 'boris' });
    const again = await linkRegister(t.db, { actor: 'editor' });
    expect(again.labels).toBe(1);
    // The run sharpened by the label still blocks and scores on the prepared keys, as the first run did.
    const first = await t.db.kysely.selectFrom('link_runs').select('candidate_pairs').orderBy('created_at').executeTakeFirstOrThrow();
    expect(again.candidatePairs).toBeGreaterThan(0);
    expect(again.candidatePairs).toBeGreaterThanOrEqual(first.candidate_pairs - 2);
    expect((await reviewQueue(t.db, { limit: 500 })).map((q) => q.pair)).not.toContain(different!.pair);

    await unmergePerson(t.db, { person: mergedId, actor: 'boris', reason: 'namesakes after all' });
    expect((await findPerson(t.db.kysely, mergedId))?.merged_into).toBeNull();
    expect((await getPersonDetail(t.db, keptId)).claims.every((c) => c.person_id === keptId)).toBe(true);
    const actions = (await listAudit(t.db.kysely)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['linkage.run', 'person.merge', 'link_pair.decide', 'person.unmerge']));
  });

  it('splits a claim off into a new person', async () => {
    const [pair] = await reviewQueue(t.db, { limit: 1 });
    const { kept } = await decidePair(t.db, { pairId: pair!.pair, decision: 'same', actor: 'boris' });
    const claim = (await getPersonDetail(t.db, kept!)).claims.find((c) => c.person_id !== kept)!;
    const split = await splitClaim(t.db, { claim: claim.id, actor: 'boris', reason: 'another man' });
    expect((await getPersonDetail(t.db, split.person)).claims.map((c) => c.id)).toEqual([claim.id]);
  });

  it('finds the register person a typed-in record may be', async () => {
    const someone = records.find((r) => r.surname !== '' && r.given_name !== '' && r.birth_date !== '')!;
    const found = await new CandidateFinder(t.db).find({ surname: someone.surname, given_name: someone.given_name, birth_date: someone.birth_date });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.probability).toBeGreaterThan(0.5);
  });

  it('finds a person by a name it is also known by (here, its surname before a correction)', async () => {
    const someone = (await t.db.kysely.selectFrom('persons').selectAll().where('merged_into', 'is', null).where('surname', 'is not', null).where('given_name', 'is not', null).where('birth_from', 'is not', null).orderBy('id').executeTakeFirstOrThrow());
    const typed = { surname: 'Ошибочный', given_name: someone.given_name ?? '', birth_date: someone.birth_date_text ?? '' };
    // One finder throughout, looking for changes at every lookup (a correction changes no count of persons), and
    // rebuilding in the background as it does for a large register.
    const finder = new CandidateFinder(t.db, 0, 0);
    // Given name and birth date alone: a weak match, if any.
    const before = (await finder.find(typed)).find((c) => c.person.id === someone.id)?.probability ?? 0;
    const vera = { id: 'vera', username: 'vera', displayName: 'vera', role: 'verifier' as const };
    // Synthetic: the register had the surname wrong, a verifier corrected it; the old spelling stays an alias.
    await editPerson(t.db, vera, someone.id, { field: 'surname', value: 'Ошибочный', reason: 'synthetic: the first source misspelt it', version: someone.version });
    await editPerson(t.db, vera, someone.id, { field: 'surname', value: 'Исправленный', reason: 'synthetic: corrected', version: someone.version + 1 });
    // The first lookup after the change answers from the index as it was and starts a rebuild in the background.
    const stale = await finder.find(typed);
    expect(stale.find((c) => c.person.id === someone.id)?.probability ?? 0).toBeCloseTo(before, 9);
    await finder.idle();
    const found = await finder.find(typed);
    expect(found[0]?.person.id).toBe(someone.id);
    expect(found[0]!.probability).toBeGreaterThan(Math.max(0.5, before));
    expect(found.filter((c) => c.person.id === someone.id)).toHaveLength(1);
    expect(found[0]!.explanation.terms.length).toBeGreaterThan(0);

    // Under its own name and two earlier ones, the person is listed once; `limit` counts persons.
    const all = await finder.find({ ...typed, limit: 50 });
    expect(new Set(all.map((c) => c.person.id)).size).toBe(all.length);
    const two = await finder.find({ ...typed, limit: 2 });
    expect(two.map((c) => c.person.id)).toEqual(all.slice(0, 2).map((c) => c.person.id));
  });

  it('a blank a later source fills in gives the person a new version', async () => {
    const someone = await t.db.kysely.selectFrom('persons').selectAll().where('merged_into', 'is', null).where('birth_from', 'is', null).where('surname', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const vera = { id: 'vera', username: 'vera', displayName: 'vera', role: 'verifier' as const };
    const source = (await createSource(t.db, vera, { kind: 'local_media', url: 'https://example.org/synthetic/blank' })).id;
    await addClaimToPerson(t.db, vera, someone.id, { sourceId: source, surname: someone.surname ?? '', birth_date: '04.03.1990' });
    const after = await findPerson(t.db.kysely, someone.id);
    expect(after?.birth_from).toBe('1990-03-04');
    expect(after?.version).toBe(someone.version + 1);
    // An edit form still holding the old version is refused rather than overwriting unseen values.
    const vera2 = { id: 'vera', username: 'vera', displayName: 'vera', role: 'verifier' as const };
    await expect(editPerson(t.db, vera2, someone.id, { field: 'unit', value: 'synthetic unit', reason: 'synthetic: stale form', version: someone.version })).rejects.toThrow(/stale version/);
  });
});
