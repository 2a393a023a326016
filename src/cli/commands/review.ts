import { Command, Option } from 'commander';
import { linkRegister } from '../../services/review/link-register.service.js';
import { mergePersons, MergeRefused, splitClaim, unmergePerson } from '../../services/review/merge.service.js';
import { decidePair, reviewQueue, showPair } from '../../services/review/review.service.js';
import { UserError } from '../cli-error.js';
import { log, printData, withDb } from '../context.js';

async function refusalsAsUserErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MergeRefused) throw new UserError(`refused: ${error.message}`);
    throw error;
  }
}

/** `reckon review`: linkage over the register and the duplicate-review queue; merges and splits with undo. */
export function registerReviewCommand(program: Command): void {
  const review = program.command('review').description('find duplicate persons in the register and decide on them');
  review
    .command('run')
    .description('link every person against the register (a job); likely duplicates go to the review queue')
    .addOption(new Option('--review-from <p>', 'queue pairs with at least this match probability').default('0.3'))
    .option('--auto-merge-from <p>', 'merge pairs at or above this probability without review (audited, undoable)')
    .option('--no-labels', "do not use reviewers' past decisions to sharpen the model")
    .action(async (opts: { reviewFrom: string; autoMergeFrom?: string; labels: boolean }, command: Command) => {
      await withDb(command, async (db, g) => {
        const summary = await linkRegister(db, { actor: g.actor, reviewFrom: Number(opts.reviewFrom), useLabels: opts.labels, ...(opts.autoMergeFrom === undefined ? {} : { autoMergeFrom: Number(opts.autoMergeFrom) }) }, log);
        printData(command, summary);
      });
    });
  review
    .command('queue')
    .description('pairs waiting for a decision, likeliest first')
    .option('--unsure', 'include pairs marked unsure')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: { unsure?: boolean; limit: string }, command: Command) => {
      await withDb(command, async (db) => {
        const items = await reviewQueue(db, { includeUnsure: opts.unsure ?? false, limit: Number(opts.limit) });
        printData(command, items.map((i) => ({ pair: i.pair, p: i.probability.toFixed(3), a: `${i.a.name} (${i.a.birth ?? '?'}, ${i.a.region})`, b: `${i.b.name} (${i.b.birth ?? '?'}, ${i.b.region})`, state: i.state })));
      });
    });
  review
    .command('show')
    .description('one pair with the comparison waterfall: what each field contributed to the match probability')
    .argument('<pair-id>')
    .action(async (pairId: string, _o: unknown, command: Command) => {
      await withDb(command, async (db) => {
        const r = await showPair(db, pairId);
        printData(command, [r.a, r.b]);
        printData(command, [
          { comparison: '(prior)', a: '', b: '', level: '', weight: r.explanation.priorWeight.toFixed(2) },
          ...r.explanation.terms.map((t) => ({ comparison: t.comparison, a: t.valueA ?? '', b: t.valueB ?? '', level: t.label, weight: t.weight.toFixed(2) })),
          { comparison: '= probability', a: '', b: '', level: '', weight: r.explanation.probability.toFixed(4) },
        ]);
      });
    });
  review
    .command('decide')
    .description('same (merge the two persons), different (never ask again) or unsure')
    .argument('<pair-id>')
    .addOption(new Option('--as-decision <decision>').choices(['same', 'different', 'unsure']).makeOptionMandatory())
    .option('--reason <text>', 'why')
    .action(async (pairId: string, opts: { asDecision: 'same' | 'different' | 'unsure'; reason?: string }, command: Command) => {
      await withDb(command, async (db, g) => {
        printData(command, await refusalsAsUserErrors(() => decidePair(db, { pairId, decision: opts.asDecision, actor: g.actor, ...(opts.reason ? { reason: opts.reason } : {}) })));
      });
    });
  review
    .command('merge')
    .description('merge one person into another by hand (every source and claim is kept; undo with unmerge)')
    .argument('<keep-id>')
    .argument('<merge-id>')
    .requiredOption('--reason <text>', 'why these are one person')
    .action(async (keep: string, merge: string, opts: { reason: string }, command: Command) => {
      await withDb(command, async (db, g) => {
        printData(command, await refusalsAsUserErrors(() => mergePersons(db, { keep, merge, actor: g.actor, reason: opts.reason })));
      });
    });
  review
    .command('unmerge')
    .description('undo a merge: the person stands alone again')
    .argument('<person-id>', 'the person that was merged away')
    .requiredOption('--reason <text>', 'why')
    .action(async (person: string, opts: { reason: string }, command: Command) => {
      await withDb(command, async (db, g) => {
        printData(command, await refusalsAsUserErrors(() => unmergePerson(db, { person, actor: g.actor, reason: opts.reason })));
      });
    });
  review
    .command('split')
    .description('split one claim off into a new person (it was about someone else)')
    .argument('<claim-id>')
    .requiredOption('--reason <text>', 'why')
    .action(async (claim: string, opts: { reason: string }, command: Command) => {
      await withDb(command, async (db, g) => {
        printData(command, await refusalsAsUserErrors(() => splitClaim(db, { claim, actor: g.actor, reason: opts.reason })));
      });
    });
}
