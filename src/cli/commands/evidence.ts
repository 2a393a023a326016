import { join } from 'node:path';
import { Command, Option } from 'commander';
import { addEvidence, scrubEvidence } from '../../services/evidence/evidence.service.js';
import { UserError } from '../cli-error.js';
import { dataDirOf, log, printData, withDb } from '../context.js';

function storeOf(db: string, flag: string | undefined): string {
  return flag ?? join(dataDirOf(db), 'evidence');
}

const storeOption = (): Option => new Option('--store <dir>', 'evidence store (default: evidence/ beside the register)').env('RECKON_EVIDENCE_DIR');

/** `reckon evidence add|scrub`: preserve originals under their SHA-256 and check them later. */
export function registerEvidenceCommand(program: Command): void {
  const evidence = program.command('evidence').description('preserved evidence files (exact bytes, content-addressed by SHA-256)');
  evidence
    .command('add')
    .description('preserve a file (screenshot, PDF, photo, web archive) as evidence for a source')
    .argument('<file>')
    .requiredOption('--source <id>', 'the source it documents')
    .addOption(storeOption())
    .action(async (file: string, opts: { source: string; store?: string }, command: Command) => {
      await withDb(command, async (db, g) => {
        const added = await addEvidence(db, storeOf(g.db, opts.store), { file, sourceId: opts.source, actor: g.actor });
        printData(command, added);
      });
    });
  evidence
    .command('scrub')
    .description('re-hash every stored original; exit 1 naming any that is missing or changed')
    .addOption(storeOption())
    .action(async (opts: { store?: string }, command: Command) => {
      await withDb(command, async (db, g) => {
        const result = await scrubEvidence(db, storeOf(g.db, opts.store));
        for (const p of result.problems) log(`${p.problem}: ${p.sha256}`);
        if (result.problems.length > 0) throw new UserError(`${result.problems.length} of ${result.checked} evidence files missing or changed`);
        printData(command, { checked: result.checked, ok: true });
      });
    });
}
