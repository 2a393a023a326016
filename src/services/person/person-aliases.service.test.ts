import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { findPerson } from '../../db/repositories/person.repository.js';
import { createTestDb, testDialects, type TestDb } from '../../db/testing.js';
import type { SessionUser } from '../auth/auth.schemas.js';
import { getPersonFor, listPersonsFor } from '../auth/access.service.js';
import { addClaimToPerson, createPersonWithClaim, createSource } from '../intake/intake.service.js';
import { mergePersons, splitClaim, unmergePerson } from '../review/merge.service.js';
import { editPerson } from './person-edit.service.js';
import { revertEvent } from './person-revert.service.js';
import { getPersonDetail, searchPersons } from './person.service.js';

// Synthetic persons only. "Found by" is what a user of the register search notices.
const as = (role: SessionUser['role'], username = `u-${role}`): SessionUser => ({ id: username, username, displayName: username, role });
const vera = as('verifier', 'vera');
const viktor = as('viewer', 'viktor');

describe.each(await testDialects())('person aliases on %s', (dialect) => {
  let t: TestDb;
  let source: string;
  const found = async (q: string): Promise<string[]> => (await searchPersons(t.db, { q })).map((p) => p.id);
  const person = async (fields: Record<string, string>): Promise<string> => (await createPersonWithClaim(t.db, vera, { sourceId: source, ...fields })).person;
  const aliasesOf = async (id: string): Promise<[string, string][]> => (await getPersonDetail(t.db, id)).aliases.map((a) => [a.alias, a.kind]);
  const lastEventSeq = async (id: string, action: string): Promise<number> => (await listAudit(t.db.kysely, { entity: 'person', entityId: id })).filter((e) => e.action === action).at(-1)!.seq;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    source = (await createSource(t.db, vera, { kind: 'local_media', url: 'https://example.org/synthetic/aliases' })).id;
  });
  afterAll(async () => t.dispose());

  it('a merged duplicate’s Latin name finds the person kept; unmerging takes that back and finds the duplicate again', async () => {
    const kept = await person({ surname: 'Щербаков', given_name: 'Евгений', patronymic: 'Синтетович' });
    // Misspelt ("Sherbakov"): a transliteration of Щербаков would find him by the canonical key alone.
    const dup = await person({ full_name: 'Yevgeny Sherbakov' });
    expect(await found('Shcherbakov Yevgeny')).toEqual([kept]);
    expect(await found('Sherbakov Yevgeny')).toEqual([dup]);

    await mergePersons(t.db, { keep: kept, merge: dup, actor: 'vera', reason: 'same birth date and unit' });
    expect(await found('Sherbakov Yevgeny')).toEqual([kept]);
    expect(await found('sherbakov')).toEqual([kept]);
    expect(await found('Щербаков Евг')).toEqual([kept]); // once, by its own name
    expect(await aliasesOf(kept)).toEqual([['Sherbakov Yevgeny', 'merged']]) // as the register showed the duplicate;

    await unmergePerson(t.db, { person: dup, actor: 'vera', reason: 'namesakes after all' });
    expect(await found('Sherbakov Yevgeny')).toEqual([dup]);
    expect(await aliasesOf(kept)).toEqual([]);

    // Undoing the merge from the kept person's history does the same.
    await mergePersons(t.db, { keep: kept, merge: dup, actor: 'vera', reason: 'same person after all' });
    expect(await found('Sherbakov Yevgeny')).toEqual([kept]);
    await revertEvent(t.db, vera, kept, { seq: await lastEventSeq(kept, 'person.merge'), reason: 'the merge was wrong' });
    expect(await found('Sherbakov Yevgeny')).toEqual([dup]);
  });

  it('unmerging one of a chain of merges removes only the names that one brought', async () => {
    const kept = await person({ surname: 'Сидорчук', given_name: 'Олег' });
    // Spellings the canonical key does not unify (typos), so only the merges' aliases find them.
    const middle = await person({ full_name: 'Oleg Sidarchuk' });
    const first = await person({ full_name: 'Oleh Sudorchuk' });
    await mergePersons(t.db, { keep: middle, merge: first, actor: 'vera', reason: 'same person, Ukrainian spelling' });
    await mergePersons(t.db, { keep: kept, merge: middle, actor: 'vera', reason: 'same person, Latin spelling' });
    expect(await found('Sudorchuk')).toEqual([kept]);
    expect(await found('Sidarchuk')).toEqual([kept]);

    await unmergePerson(t.db, { person: first, actor: 'vera', reason: 'another man' });
    expect(await found('Sudorchuk')).toEqual([first]);
    expect(await found('Sidarchuk')).toEqual([kept]);
    expect((await aliasesOf(kept)).map(([a]) => a)).toEqual(['Sidarchuk Oleg']);
  });

  it('a corrected name leaves the old spelling searchable, marked as the name before a correction', async () => {
    const id = await person({ surname: 'Кравчеко', given_name: 'Иван' });
    const p = await findPerson(t.db.kysely, id);
    await editPerson(t.db, vera, id, { field: 'surname', value: 'Кравченко', reason: 'typo in the surname', version: p!.version });
    expect(await found('Кравченко Иван')).toEqual([id]);
    expect(await found('Кравчеко Иван')).toEqual([id]);
    expect(await aliasesOf(id)).toEqual([['Кравчеко Иван', 'former']]);
    // Reverting the correction brings the old name back as the name; it is not listed as another name.
    await revertEvent(t.db, vera, id, { seq: await lastEventSeq(id, 'person.edit'), reason: 'the first spelling was right' });
    expect(await aliasesOf(id)).toEqual([]);
    expect(await found('Кравчеко Иван')).toEqual([id]);
  });

  it('a claim spelling the name otherwise adds it as an alias; splitting that claim off takes it along', async () => {
    const id = await person({ surname: 'Белоусов', given_name: 'Артём' });
    await addClaimToPerson(t.db, vera, id, { sourceId: source, surname: 'Белоусов', given_name: 'Артем', unit: 'synthetic unit' }); // same key: nothing
    // Ukrainian Білоусов, which the canonical key keeps apart from Белоусов: only the alias finds the person by it.
    const { claim } = await addClaimToPerson(t.db, vera, id, { sourceId: source, full_name: 'Artyom Bilousov' });
    expect(await aliasesOf(id)).toEqual([['Artyom Bilousov', 'source']]);
    expect(await found('Bilousov Art')).toEqual([id]);

    const split = await splitClaim(t.db, { claim, actor: 'vera', reason: 'another man of that name' });
    expect(await aliasesOf(id)).toEqual([]);
    expect(await found('Bilousov Art')).toEqual([split.person]);
  });

  it('a name only a restricted source gives is neither shown to nor found by a viewer', async () => {
    const restricted = (await createSource(t.db, vera, { kind: 'other', url: 'https://example.org/synthetic/closed', sensitivity: 'restricted' })).id;
    const id = await person({ surname: 'Гаврилов', given_name: 'Степан' });
    await addClaimToPerson(t.db, vera, id, { sourceId: restricted, full_name: 'Stepan Gavrilov-Zakrytyi' });
    const names = async (user: SessionUser): Promise<string[]> => (await getPersonFor(t.db, user, id)).aliases.map((a) => a.alias);
    const finds = async (user: SessionUser): Promise<string[]> => (await listPersonsFor(t.db, user, { q: 'Gavrilov Zakrytyi' })).map((p) => p.id);
    expect(await names(vera)).toEqual(['Stepan Gavrilov-Zakrytyi']);
    expect(await finds(vera)).toEqual([id]);
    expect(await names(viktor)).toEqual([]);
    expect(await finds(viktor)).toEqual([]);
    expect((await listPersonsFor(t.db, viktor, { q: 'Гаврилов' })).map((p) => p.id)).toEqual([id]);
  });

  it('the name of a merged duplicate that only restricted sources gave stays hidden from a viewer', async () => {
    const restricted = (await createSource(t.db, vera, { kind: 'other', url: 'https://example.org/synthetic/closed-2', sensitivity: 'restricted' })).id;
    const kept = await person({ surname: 'Прохоров', given_name: 'Иван' });
    const hidden = (await createPersonWithClaim(t.db, vera, { sourceId: restricted, full_name: 'Ivan Skrytov' })).person;
    // A public source spells him otherwise: that spelling may be shown, the restricted one still may not.
    await addClaimToPerson(t.db, vera, hidden, { sourceId: source, full_name: 'Ivan Skrytoff' });
    const open = await person({ full_name: 'Ivan Otkrytov' });
    await mergePersons(t.db, { keep: kept, merge: hidden, actor: 'vera', reason: 'same unit and date' });
    await mergePersons(t.db, { keep: kept, merge: open, actor: 'vera', reason: 'same unit and date' });
    const names = async (user: SessionUser): Promise<string[]> => (await getPersonFor(t.db, user, kept)).aliases.map((a) => a.alias).sort();
    const finds = async (user: SessionUser, q: string): Promise<string[]> => (await listPersonsFor(t.db, user, { q })).map((p) => p.id);
    expect(await names(vera)).toEqual(['Ivan Skrytoff', 'Otkrytov Ivan', 'Skrytov Ivan']);
    expect(await finds(vera, 'Skrytov')).toEqual([kept]);
    expect(await names(viktor)).toEqual(['Ivan Skrytoff', 'Otkrytov Ivan']);
    expect(await finds(viktor, 'Skrytov Ivan')).toEqual([]);
    expect(await finds(viktor, 'Otkrytov')).toEqual([kept]);
  });
});
