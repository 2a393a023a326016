import { sql, type Kysely } from 'kysely';
import { canonicalSearchKey } from '../../core/names/search-key.js';
import type { DialectName } from '../dialect.js';

/**
 * persons.canon_key: the spelling-independent key of the name (core/names/search-key.ts), so a search in one
 * script finds names written in the other. Read by prefix like name_key; filled here for existing persons.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('persons').addColumn('canon_key', 'text').execute();
  const BATCH = 1_000;
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('persons')
      .select(['id', 'surname', 'given_name', 'patronymic'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as { id: string; surname: string | null; given_name: string | null; patronymic: string | null }[];
    const keyed = rows.map((r) => ({ id: r.id, key: canonicalSearchKey({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic }) }));
    if (dialect === 'postgres' && keyed.length > 0) {
      // One statement per page: a round trip per person would take minutes on a big register.
      const values = sql.join(keyed.map((k) => sql`(${k.id}, ${k.key})`));
      await sql`UPDATE persons AS p SET canon_key = v.key FROM (VALUES ${values}) AS v(id, key) WHERE p.id = v.id`.execute(db);
    } else {
      for (const k of keyed) await db.updateTable('persons').set({ canon_key: k.key }).where('id', '=', k.id).execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) break;
    after = last.id;
  }
  if (dialect === 'postgres') await sql`CREATE INDEX persons_canon_key_c ON persons (canon_key COLLATE "C")`.execute(db);
  else await db.schema.createIndex('persons_canon_key').on('persons').column('canon_key').execute();
}
