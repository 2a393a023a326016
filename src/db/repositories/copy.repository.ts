import type { Kysely } from 'kysely';
import { canonicalSearchKey } from '../../core/names/search-key.js';
import type { Db } from '../database.js';
import { resyncSerial } from '../dialect.js';
import type { Database } from '../schema.js';
import { bulkPathOf, insertMany } from './bulk.js';

/**
 * Every table, parents before children, with the key used to page through it. Staged browser imports are
 * working files, not register data: they are not copied (commit or upload them again after a restore).
 */
export const TABLES: readonly { name: keyof Database; key: string }[] = [
  { name: 'users', key: 'id' },
  { name: 'imports', key: 'id' },
  { name: 'sources', key: 'id' },
  { name: 'evidence_files', key: 'id' },
  { name: 'persons', key: 'id' },
  { name: 'person_aliases', key: 'id' },
  { name: 'claims', key: 'id' },
  { name: 'verifications', key: 'id' },
  { name: 'person_edits', key: 'id' },
  { name: 'decision_notes', key: 'id' },
  { name: 'releases', key: 'id' },
  { name: 'jobs', key: 'id' },
  { name: 'link_runs', key: 'id' },
  { name: 'link_pairs', key: 'id' },
  { name: 'estimates', key: 'id' },
  { name: 'sessions', key: 'id' },
  { name: 'login_throttle', key: 'key' },
  { name: 'audit_events', key: 'seq' },
];

const PAGE = 2_000;

/** Row counts of every table. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db.selectFrom(t.name).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    counts[t.name] = Number(r.n);
  }
  return counts;
}

// Rows move between dialects as plain objects; jsonb comes back parsed from pg and must go in as text.
function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v !== null && typeof v === 'object' ? JSON.stringify(v) : typeof v === 'bigint' ? Number(v) : v;
  }
  return out;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Copies every row of `from` into the empty, migrated `to` in one transaction; returns the row counts. */
export async function copyAllRows(from: Db, to: Db, onTable?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await to.kysely.transaction().execute(async (trx) => {
    const merged: { id: string; merged_into: string }[] = [];
    for (const t of TABLES) {
      let last: unknown = null;
      let n = 0;
      for (;;) {
        // Dynamic table names: the query is the same shape for every table.
        let q = from.kysely.selectFrom(t.name as 'persons').selectAll().orderBy(t.key as 'id').limit(PAGE);
        if (last !== null) q = q.where(t.key as 'id', '>', last as string);
        const rows = (await q.execute()) as unknown as Record<string, unknown>[];
        if (rows.length === 0) break;
        const prepared = rows.map(normaliseRow);
        if (t.name === 'persons') {
          for (const r of prepared) {
            if (typeof r.merged_into === 'string') merged.push({ id: String(r.id), merged_into: r.merged_into });
            r.merged_into = null;
            // A backup made before persons had a canonical key: give each the key the migration would have.
            r.canon_key ??= canonicalSearchKey({ surname: text(r.surname), givenName: text(r.given_name), patronymic: text(r.patronymic) });
          }
        }
        await insertMany(trx, t.name, prepared as never[], bulkPathOf(to));
        n += rows.length;
        last = rows[rows.length - 1]?.[t.key] ?? null;
      }
      if (t.name === 'persons') {
        for (const m of merged) await trx.updateTable('persons').set({ merged_into: m.merged_into }).where('id', '=', m.id).execute();
      }
      counts[t.name] = n;
      onTable?.(t.name, n);
    }
    const resync = resyncSerial(to.dialect, 'audit_events', 'seq');
    if (resync) await resync.execute(trx);
  });
  return counts;
}
