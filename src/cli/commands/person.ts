import { Command, Option } from 'commander';
import { VERIFICATION_STATES } from '../../core/record/record.schemas.js';
import { getPersonDetail, searchPersons } from '../../services/person/person.service.js';
import { CandidateFinder } from '../../services/review/candidates.service.js';
import { printData, withDb } from '../context.js';

/** `reckon person list|show`. */
export function registerPersonCommand(program: Command): void {
  const person = program.command('person').description('persons in the register');
  person
    .command('list')
    .description('list persons, newest first')
    .option('-q, --query <text>', 'name starts with (surname first; other names the person is known by count too)')
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
    .command('candidates')
    .description('who in the register a record being entered may already be: top matches with probabilities')
    .option('--surname <text>')
    .option('--given-name <text>')
    .option('--patronymic <text>')
    .option('--full-name <text>')
    .option('--birth-date <text>')
    .option('--age <text>')
    .option('--region <text>')
    .option('--death-date <text>')
    .option('--limit <n>', 'how many', '5')
    .action(async (opts: Record<string, string | undefined>, command: Command) => {
      await withDb(command, async (db) => {
        const finder = new CandidateFinder(db);
        const q = { surname: opts.surname, given_name: opts.givenName, patronymic: opts.patronymic, full_name: opts.fullName, birth_date: opts.birthDate, age: opts.age, region: opts.region, death_date: opts.deathDate };
        const found = await finder.find({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)), limit: opts.limit });
        printData(command, found.map((c) => ({ id: c.person.id, name: c.person.name, birth: c.person.birth, region: c.person.region, probability: c.probability.toFixed(3), why: c.explanation.terms.filter((t) => t.weight !== 0).map((t) => `${t.comparison} ${t.weight > 0 ? '+' : ''}${t.weight.toFixed(1)}`).join(', ') })));
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
        printData(command, detail.claims.map((c) => ({ claim: c.id, source: c.source_id, source_kind: c.source_kind, url: c.source_url, published: c.source_published_at, record: c.record_id })));
        if (detail.aliases.length > 0) printData(command, detail.aliases.map((a) => ({ also_known_as: a.alias, kind: a.kind, source: a.source_id ?? '' })));
      });
    });
}
