import { Command, Option } from 'commander';
import { loadConfirmationRule } from '../../config.js';
import { backlog, decide, VerificationRefused } from '../../services/verification/verification.service.js';
import { UserError } from '../cli-error.js';
import { printData, withDb } from '../context.js';

const ruleOption = (): Option => new Option('--rule <file>', 'confirmation rule JSON (default: the built-in rule)').env('RECKON_RULE');

/** `reckon verify confirm|reject|dispute|backlog|rule`. */
export function registerVerifyCommand(program: Command): void {
  const verify = program.command('verify').description('confirm, reject or dispute reported deaths; the backlog; the rule in force');
  for (const [name, decision] of [['confirm', 'confirmed'], ['reject', 'rejected'], ['dispute', 'disputed']] as const) {
    verify
      .command(name)
      .description(`${name} a reported death (never one you entered yourself); --as names you`)
      .argument('<person-id>', 'person id')
      .requiredOption('--reason <text>', 'why: which source you checked, what it shows')
      .addOption(ruleOption())
      .action(async (personId: string, opts: { reason: string; rule?: string }, command: Command) => {
        const rule = loadConfirmationRule(opts.rule);
        await withDb(command, async (db, g) => {
          try {
            printData(command, await decide(db, rule, { personId, decision, reason: opts.reason, actor: g.actor }));
          } catch (error) {
            if (error instanceof VerificationRefused) throw new UserError(`refused: ${error.message}`);
            throw error;
          }
        });
      });
  }
  verify
    .command('backlog')
    .description('reported deaths awaiting confirmation, oldest first')
    .option('--region <code>', 'only this region code')
    .option('--category <category>', 'only this category')
    .option('--source-kind <kind>', 'only records with a source of this kind')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts: { region?: string; category?: string; sourceKind?: string; limit: string; offset: string }, command: Command) => {
      await withDb(command, async (db) => {
        printData(command, await backlog(db, { limit: opts.limit, offset: opts.offset, ...(opts.region ? { region: opts.region } : {}), ...(opts.category ? { category: opts.category } : {}), ...(opts.sourceKind ? { sourceKind: opts.sourceKind } : {}) }));
      });
    });
  verify
    .command('rule')
    .description('print the confirmation rule in force')
    .addOption(ruleOption())
    .action((opts: { rule?: string }, command: Command) => {
      printData(command, loadConfirmationRule(opts.rule));
    });
}
