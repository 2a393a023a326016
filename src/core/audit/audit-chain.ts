import { createHash } from 'node:crypto';
import { canonicalJson } from '../release/canonical-json.js';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The parts of an audit event that its hash covers. */
export interface AuditEventBody {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface ChainedAuditEvent extends AuditEventBody {
  seq: number;
  prevHash: string;
  hash: string;
}

/** SHA-256 over the previous hash and the event's canonical JSON. */
export function auditHash(prevHash: string, e: AuditEventBody): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainCheck = { ok: true; length: number; head: string } | { ok: false; seq: number; reason: string };

/**
 * Re-computes the chain; reports the first event that was modified, deleted, reordered or inserted.
 * Events must be given in seq order.
 */
export function verifyAuditChain(events: readonly ChainedAuditEvent[]): ChainCheck {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  for (const e of events) {
    if (e.seq <= lastSeq) return { ok: false, seq: e.seq, reason: 'out of order' };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, reason: 'does not follow the previous event (deleted, inserted or reordered)' };
    if (auditHash(prev, e) !== e.hash) return { ok: false, seq: e.seq, reason: 'content does not match its hash (modified)' };
    prev = e.hash;
    lastSeq = e.seq;
  }
  return { ok: true, length: events.length, head: prev };
}
