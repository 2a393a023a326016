import { Command, Option } from 'commander';
import { VERIFICATION_STATES } from '../../core/record/record.schemas.js';
import { getPersonDetail, searchPersons } from '../../services/person/person.service.js';
import { printData, withDb } from '../context.js';

/** `reckon person list|show`. */
export function registerPersonCommand(program: Command): void {
  const person = program.command('person').description('persons in the register');
  person
    .command('list')
    .description('list persons, newest first')
    .option('-q, --query <text>', 'name contains')
    .addOption(new Option('--verification <state>', 'only this verification state').choices(VERIFICATION_STATES))
    .option('--region <code>', 'only this region code (e.g. RU-SVE, FOREIGN, UNKNOWN)')
    .option('--category <category>', 'only this category')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts: { query?: string; verification?: string; region?: string; category?: string; limit: string; offset: string }, command: Command) => {
      await withDb(command, async (db) => {
        const rows = await searchPersons(db, {
          limit: Number(opts.limit),
          offset: Number(opts.offset),
          ...(opts.query === undefined ? {} : { q: opts.query }),
          ...(opts.verification === undefined ? {} : { verification: opts.verification as (typeof VERIFICATION_STATES)[number] }),
          ...(opts.region === undefined ? {} : { region: opts.region }),
          ...(opts.category === undefined ? {} : { category: opts.category }),
        });
        printData(command, rows);
      });
    });
  person
    .command('show')
    .description('one person: every fact with its sources, conflicts side by side, and the history of changes')
    .argument('<id>', 'person id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      await withDb(command, async (db) => {
        const detail = await getPersonDetail(db, id);
        const format = command.optsWithGlobals<{ format: string }>().format;
        if (format === 'json') {
          printData(command, detail);
          return;
        }
        printData(command, { ...detail.person });
        printData(
          command,
          detail.facts.map((f) => ({ field: f.field, values: f.values.map((v) => `${v.value} [${v.claimIds.length}]`).join(' | '), conflict: f.conflict ? 'CONFLICT' : '' })),
        );
        printData(command, detail.claims.map((c) => ({ claim: c.id, source_kind: c.source_kind, url: c.source_url, published: c.source_published_at, record: c.record_id })));
      });
    });
}
