import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../core/audit/audit-chain.js';
import { newId } from '../core/ids.js';
import { DEFAULT_RULE } from '../core/verification/confirmation-rule.js';
import { listAudit } from '../db/repositories/audit.repository.js';
import { insertLinkPairs, insertLinkRun } from '../db/repositories/linkage.repository.js';
import { findPerson } from '../db/repositories/person.repository.js';
import { createTestDb, testDialects, type TestDb } from '../db/testing.js';
import type { Role, SessionUser } from './auth/auth.schemas.js';
import { addUser } from './auth/user.service.js';
import { importFile } from './import/import-file.js';
import { commitStaged, discardStaged, stageImport } from './import/staged-import.service.js';
import { decideRow, previewStaged } from './import/staged-review.service.js';
import { addClaimToPerson, createPersonWithClaim, createSource } from './intake/intake.service.js';
import { revertEditsBy } from './person/bulk-revert.service.js';
import { approveEdit, declineEdit, editPerson } from './person/person-edit.service.js';
import { personHistoryFor } from './person/person-history.service.js';
import { revertEvent } from './person/person-revert.service.js';
import { mergePersons, splitClaim, unmergePerson } from './review/merge.service.js';
import { decidePair } from './review/review.service.js';
import { decide } from './verification/verification.service.js';

// AUD-PRIV: the audit log holds no plaintext personal data and no unsalted hash of it. Synthetic canaries (a
// surname, a given name, a phone number, a file name) go through every write path the services offer; the
// whole audit table, every column as text, must then hold none of them, nor the SHA-256 (hex or base64) of any.

const SURNAME = 'Канареечкин';
const GIVEN = 'Проверий';
const PHONE = '+7 900 000-00-17';
const FILE = 'kanareechkin-spisok.csv';
const reason = (what: string): string => `${what}: сестра ${SURNAME} ${GIVEN}, тел. ${PHONE}`;

const dir = mkdtempSync(join(tmpdir(), 'reckon-audit-privacy-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const csv = (rows: number): string => ['surname;given_name;birth_date;region', ...Array.from({ length: rows }, (_, i) => `${SURNAME}${i === 0 ? '' : String(i)};${GIVEN};1990;Курская обл.`)].join('\n');
const file = (name: string, text: string): string => {
  const sub = mkdtempSync(join(dir, 'f-'));
  const path = join(sub, name);
  writeFileSync(path, text);
  return path;
};

/** Every canary as text, and the SHA-256 of each (and of each reason typed) in hex and base64. */
function needles(typed: readonly string[]): string[] {
  const plain = [SURNAME, GIVEN, PHONE, FILE, `${SURNAME} ${GIVEN}`, `${GIVEN} ${SURNAME}`, PHONE.replace(/\D/g, '')];
  const hashed = [...plain, ...plain.map((s) => s.toLowerCase()), ...typed].flatMap((s) => {
    const h = createHash('sha256').update(s);
    const digest = h.digest();
    return [digest.toString('hex'), digest.toString('base64')];
  });
  return [...plain, SURNAME.toLowerCase(), ...hashed];
}

/** Every row of the audit table, every column as text. */
async function auditText(t: TestDb): Promise<string> {
  const rows = await t.db.kysely.selectFrom('audit_events').selectAll().execute();
  return rows.map((r) => Object.values(r).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\t')).join('\n');
}

function leaks(text: string, typed: readonly string[]): string[] {
  return needles(typed).filter((n) => text.includes(n));
}

describe.each(await testDialects())('AUD-PRIV on %s', (dialect) => {
  let t: TestDb;
  const typed: string[] = [];
  const said = (what: string): string => {
    const r = reason(what);
    typed.push(r);
    return r;
  };
  const user = (username: string, role: Role): SessionUser => ({ id: username, username, displayName: username, role });
  const carl = user('carl', 'contributor');
  const vera = user('vera', 'verifier');
  const boris = user('boris', 'verifier');
  const admin = user('root-admin', 'admin');

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await addUser(t.db, { username: 'vera', role: 'verifier', password: 'synthetic passphrase for a verifier', actor: 'test', scrypt: { N: 1024, r: 8, p: 1 } });
  });
  afterAll(async () => t.dispose());

  const version = async (id: string): Promise<number> => (await findPerson(t.db.kysely, id))?.version ?? -1;

  it('no canary name, phone or file name, nor its SHA-256, reaches the audit log through any write path', { timeout: 60_000 }, async () => {
    // Intake: a source, a person with a claim, a second claim.
    const source = await createSource(t.db, carl, { kind: 'relative_post', url: `https://example.org/${SURNAME}/${encodeURIComponent(PHONE)}`, publisher: `${SURNAME} ${GIVEN}`, excerpt: reason('excerpt') });
    const claimOf = (extra: Record<string, string> = {}) => ({ sourceId: source.id, surname: SURNAME, given_name: GIVEN, death_date: '2024-03-01', region: 'Курская обл.', ...extra });
    const p1 = (await createPersonWithClaim(t.db, carl, claimOf())).person;
    const second = await addClaimToPerson(t.db, carl, p1, { sourceId: source.id, unit: `в/ч ${PHONE}` });
    const p2 = (await createPersonWithClaim(t.db, carl, claimOf({ full_name: `${GIVEN} ${SURNAME}` }))).person;
    const p3 = (await createPersonWithClaim(t.db, carl, claimOf())).person;

    // Decisions: confirm, reject, dispute, each with a reason.
    await decide(t.db, DEFAULT_RULE, { personId: p1, decision: 'confirmed', reason: said('confirm'), actor: 'vera' });
    await decide(t.db, DEFAULT_RULE, { personId: p2, decision: 'rejected', reason: said('reject'), actor: 'vera' });
    await decide(t.db, DEFAULT_RULE, { personId: p2, decision: 'disputed', reason: said('dispute'), actor: 'boris' });

    // Field edits: proposed on a confirmed person and approved, another declined, one applied at once.
    const proposed = await editPerson(t.db, vera, p1, { field: 'unit', value: `в/ч ${SURNAME}`, reason: said('propose'), version: await version(p1) });
    const approved = await approveEdit(t.db, boris, proposed.edit, said('approve'));
    const other = await editPerson(t.db, vera, p1, { field: 'rank', value: 'сержант', reason: said('propose again'), version: await version(p1) });
    await declineEdit(t.db, boris, other.edit, said('decline'));
    await editPerson(t.db, vera, p3, { field: 'surname', value: `${SURNAME}-Второй`, reason: said('direct edit'), version: await version(p3) });
    await editPerson(t.db, vera, p3, { field: 'death_place', value: `у дома ${PHONE}`, reason: said('another edit'), version: await version(p3) });

    // Revert of the approved edit (p1 is confirmed: proposed, then approved by another reviewer), then a bulk
    // revert of everything vera still has in force.
    const revert = await revertEvent(t.db, admin, p1, { seq: approved.seq ?? -1, reason: said('revert') });
    await approveEdit(t.db, boris, revert.edit ?? '', said('approve revert'));
    await revertEditsBy(t.db, admin, 'vera', said('bulk revert'));

    // Merge, revert of the merge, merge and unmerge, split and revert of the split.
    await mergePersons(t.db, { keep: p1, merge: p3, actor: 'vera', reason: said('merge') });
    const mergeSeq = (await listAudit(t.db.kysely, { entity: 'person', entityId: p1 })).filter((e) => e.action === 'person.merge').at(-1)?.seq ?? -1;
    await revertEvent(t.db, admin, p1, { seq: mergeSeq, reason: said('revert merge') });
    await mergePersons(t.db, { keep: p1, merge: p3, actor: 'vera', reason: said('merge again') });
    await unmergePerson(t.db, { person: p3, actor: 'vera', reason: said('unmerge') });
    const split = await splitClaim(t.db, { claim: second.claim, actor: 'vera', reason: said('split') });
    const splitSeq = (await listAudit(t.db.kysely, { entity: 'person', entityId: split.from })).filter((e) => e.action === 'person.split').at(-1)?.seq ?? -1;
    await revertEvent(t.db, admin, split.from, { seq: splitSeq, reason: said('revert split') });

    // A duplicate pair decided by a reviewer.
    const run = newId();
    const pair = newId();
    const now = new Date().toISOString();
    await insertLinkRun(t.db.kysely, { id: run, job_id: null, settings_name: 'synthetic', persons: 2, candidate_pairs: 1, queued: 1, model: null, created_by: 'vera', created_at: now });
    await insertLinkPairs(t.db.kysely, [{ id: pair, run_id: run, person_a: p2, person_b: p3, probability: 0.9, explanation: null, state: 'pending', reason: null, decided_by: null, decided_at: null, created_at: now }]);
    await decidePair(t.db, { pairId: pair, decision: 'same', reason: said('pair'), actor: 'boris' });

    // Imports: the CLI's, and a staged browser upload reviewed row by row and committed, another discarded.
    expect((await importFile(t.db, file('records.csv', csv(3)), { actor: 'carl' })).persons).toBe(3);
    const staged = await stageImport(t.db, carl, { path: file('upload.csv', csv(4)), declared: 'csv', name: 'upload.csv' });
    await previewStaged(t.db, carl, staged.id, {});
    await decideRow(t.db, carl, staged.id, 2, { exclude: true, reason: said('exclude') });
    await decideRow(t.db, carl, staged.id, 3, { values: { surname: `${SURNAME}-Исправленный`, death_place: PHONE } });
    expect((await commitStaged(t.db, carl, staged.id, {})).excluded).toBe(1);
    const dropped = await stageImport(t.db, carl, { path: file(FILE, csv(2)), declared: 'csv', name: FILE });
    await discardStaged(t.db, carl, dropped.id, said('discard'));

    expect(leaks(await auditText(t), typed)).toEqual([]);
    expect(verifyAuditChain(await listAudit(t.db.kysely)).ok).toBe(true);
    // The history still shows what each step was for, read from the row that keeps it.
    const history = await personHistoryFor(t.db, admin, p1);
    const reasonOf = (action: string): (string | undefined)[] => history.filter((e) => e.action === action).map((e) => e.reason);
    expect(reasonOf('person.confirm')).toEqual([reason('confirm')]);
    expect(reasonOf('person.edit.propose')).toEqual([reason('propose'), reason('propose again'), reason('revert')]);
    expect(reasonOf('person.edit')).toEqual([reason('approve')]);
    expect(reasonOf('person.edit.decline')).toEqual([reason('decline')]);
    expect(reasonOf('person.revert')).toEqual([reason('approve revert')]);
    expect(reasonOf('person.merge')).toEqual([reason('merge'), reason('merge again'), `${reason('revert split')} (revert of event ${splitSeq})`]);
    expect(reasonOf('person.unmerge')).toEqual([reason('revert merge'), reason('unmerge')]);
    expect(reasonOf('person.split')).toEqual([reason('split')]);
  });

  // Known gap, outside this change's files: import.service.ts writes the file name into `import.commit` (the CLI's
  // import and a staged commit both). It stays on the imports row; once the event no longer carries it, this
  // test fails: make it an ordinary `it`.
  it('keeps the file name of a committed import out of the audit log', async () => {
    await importFile(t.db, file(FILE, csv(1)), { actor: 'carl' });
    expect(leaks(await auditText(t), [])).toEqual([]);
  });
});
