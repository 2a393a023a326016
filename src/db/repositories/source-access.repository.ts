import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** What deciding who may see a source's fields needs: its sensitivity and who entered it. */
export interface SourceAccess {
  sensitivity: string;
  created_by: string;
}

/** The sensitivity and creator of each of these sources. */
export async function sourceAccessOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, SourceAccess>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, SourceAccess>();
  for (let i = 0; i < unique.length; i += 1_000) {
    const rows = await db.selectFrom('sources').select(['id', 'sensitivity', 'created_by']).where('id', 'in', unique.slice(i, i + 1_000)).execute();
    for (const r of rows) out.set(r.id, { sensitivity: r.sensitivity, created_by: r.created_by });
  }
  return out;
}
