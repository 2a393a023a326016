import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import { auditHash, GENESIS_HASH, type ChainedAuditEvent } from '../../core/audit/audit-chain.js';
import { fromJson, lockAuditChain, toJson, type DialectName } from '../dialect.js';
import type { Database } from '../schema.js';

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  at?: string;
}

export type AuditEvent = ChainedAuditEvent;

/** Appends one event to the hash-chained audit log; call inside the transaction of the change. */
export async function appendAudit(db: Kysely<Database>, dialect: DialectName, input: AuditInput): Promise<AuditEvent> {
  const lock = lockAuditChain(dialect);
  if (lock) await lock.execute(db);
  const last = await db.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const event = {
    id: newId(),
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  const hash = auditHash(prevHash, event);
  const row = await db
    .insertInto('audit_events')
    .values({
      id: event.id,
      at: event.at,
      actor: event.actor,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      before: toJson(event.before),
      after: toJson(event.after),
      prev_hash: prevHash,
      hash,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  // PostgreSQL returns a bigserial as text, whatever the table type says.
  const seq: unknown = row.seq;
  return { ...event, seq: Number(seq), prevHash, hash };
}

type AuditRow = Database['audit_events'] extends infer T ? { [K in keyof T]: unknown } : never;

function toEvent(r: AuditRow): AuditEvent {
  return {
    seq: Number(r.seq),
    id: String(r.id),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    entity: String(r.entity),
    entityId: typeof r.entity_id === 'string' ? r.entity_id : null,
    before: fromJson(r.before),
    after: fromJson(r.after),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

/** Audit events in order, optionally for one entity. */
export async function listAudit(
  db: Kysely<Database>,
  filter: { entity?: string; entityId?: string; afterSeq?: number; limit?: number } = {},
): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'asc');
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  if (filter.afterSeq !== undefined) q = q.where('seq', '>', filter.afterSeq);
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return (await q.execute()).map((r) => toEvent(r as AuditRow));
}
