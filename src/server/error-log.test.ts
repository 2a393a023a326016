import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../db/testing.js';
import { errorForLog } from './error-log.js';

// LOGS-ERRORS: real database errors carrying canary values (a witness's name, a source URL) leave nothing of
// them in what the server logs, yet keep what an operator needs to find the fault. Synthetic values only.
const CANARY_NAME = 'Kanareikin Svidetel';
const CANARY_URL = 'https://canary.example.org/witness-7f3a';

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe.each(await testDialects())('the server log of a failed request on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.dispose());

  it('keeps the table and column of a violated constraint, drops the row that violated it', async () => {
    const error = await failure(() =>
      sql`INSERT INTO sources (id, kind, url, author, sensitivity, created_by, created_at) VALUES ('s-canary', NULL, ${CANARY_URL}, ${CANARY_NAME}, 'restricted', 'anna', '2026-12-02')`.execute(t.db.kysely),
    );
    // The raw error does carry the values (PostgreSQL: "Failing row contains (…)"): what the log must not.
    if (dialect === 'postgres') expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain(CANARY_NAME);
    const logged = JSON.stringify(errorForLog(error));
    expect(logged).not.toContain(CANARY_NAME);
    expect(logged).not.toContain('canary.example');
    expect(logged).toMatch(dialect === 'postgres' ? /"table":"sources","column":"kind"/ : /sources\.kind/);
    expect(logged).toMatch(/"code":"(23502|SQLITE_CONSTRAINT_NOTNULL)"/);
    expect(logged).toContain('error-log.test.ts');
  });

  // PostgreSQL quotes the value it could not read in the message itself (SQLite's messages name no values).
  if (dialect === 'postgres') {
    it.each([CANARY_NAME, `${CANARY_NAME}\nsecond line`, `Ivanov "${CANARY_NAME}" Petrovich`, `O'${CANARY_NAME}`])('blanks a value the database quotes in its message: %j', async (value) => {
      const error = await failure(() => sql`SELECT CAST(${value} AS integer)`.execute(t.db.kysely));
      expect(error instanceof Error ? error.message : '').toContain(CANARY_NAME);
      const logged = errorForLog(error);
      expect(JSON.stringify(logged)).not.toContain('Kanareikin');
      expect(logged).toMatchObject({ code: '22P02', message: 'invalid input syntax for type integer: «…»' });
    });
  }
});

describe('errorForLog', () => {
  it('blanks quoted and parenthesised text but keeps the identifiers the error names', () => {
    const error = Object.assign(new Error(`null value in column "kind" of relation "sources" violates not-null constraint: "${CANARY_NAME}" (${CANARY_URL})`), { code: '23502', table: 'sources', column: 'kind', detail: `Failing row contains (${CANARY_NAME})` });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: 'Error', code: '23502', table: 'sources', column: 'kind', message: 'null value in column «…»' });
    expect(JSON.stringify(logged)).not.toContain('Failing row');
  });

  it('says only the type of something thrown that is not an error', () => {
    expect(errorForLog(`${CANARY_NAME} rejected`)).toEqual({ type: 'string' });
  });
});
