import type { Command } from 'commander';
import { verifyAuditChain } from '../../core/audit/audit-chain.js';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { UserError } from '../cli-error.js';
import { printData, withDb } from '../context.js';

/** `reckon audit verify|log`. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained log of every change');
  audit
    .command('verify')
    .description('re-compute the hash chain; exit 1 naming the first event that was altered, removed or inserted')
    .action(async (_opts: unknown, command: Command) => {
      await withDb(command, async (db) => {
        const check = verifyAuditChain(await listAudit(db.kysely));
        if (!check.ok) throw new UserError(`audit log broken at seq ${check.seq}: ${check.reason}`);
        printData(command, { ok: true, events: check.length, head: check.head });
      });
    });
  audit
    .command('log')
    .description('list audit events')
    .option('--entity <entity>', 'only this kind of entity (person, import, …)')
    .option('--id <id>', 'only this entity id')
    .option('--limit <n>', 'how many', '100')
    .action(async (opts: { entity?: string; id?: string; limit: string }, command: Command) => {
      await withDb(command, async (db) => {
        const events = await listAudit(db.kysely, { limit: Number(opts.limit), ...(opts.entity ? { entity: opts.entity } : {}), ...(opts.id ? { entityId: opts.id } : {}) });
        printData(command, events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, id: e.entityId, hash: e.hash.slice(0, 12) })));
      });
    });
}
