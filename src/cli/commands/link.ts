import { Command, Option } from 'commander';
import { LinkageInputError } from '../../services/linkage/linkage-input-error.js';
import { linkFiles } from '../../services/linkage/link-files.service.js';
import { UserError } from '../cli-error.js';
import { globalOptions } from '../context.js';
import { formatOutput } from '../output.js';

interface LinkFlags {
  out: string;
  settings?: string;
  threshold?: string;
  pairs?: string;
  pairsMin?: string;
  workers?: string;
  quiet?: boolean;
}

function probabilityFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0 || v >= 1) throw new UserError(`${name}: expected a probability between 0 and 1 (exclusive), found "${raw}"`);
  return v;
}

function workersFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1 || v > 64) throw new UserError(`--workers: expected a whole number of threads from 1 to 64, found "${raw}"`);
  return v;
}

async function run(files: string[], flags: LinkFlags, command: Command): Promise<void> {
  const { format } = globalOptions(command);
  const threshold = probabilityFlag('--threshold', flags.threshold);
  const pairsMin = probabilityFlag('--pairs-min', flags.pairsMin);
  const workers = workersFlag(flags.workers);
  const started = Date.now();
  const progress = (m: string): void => {
    if (!flags.quiet) process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}\n`);
  };
  try {
    const summary = await linkFiles({
      files,
      out: flags.out,
      progress,
      ...(flags.settings !== undefined ? { settingsPath: flags.settings } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(flags.pairs !== undefined ? { pairsPath: flags.pairs } : {}),
      ...(pairsMin !== undefined ? { pairsMin } : {}),
      ...(workers !== undefined ? { workers } : {}),
    });
    process.stdout.write(formatOutput({ ...summary }, format));
  } catch (error) {
    if (error instanceof LinkageInputError) throw new UserError(error.message);
    throw error;
  }
}

/** `reckon link`: deduplicates one record CSV, or links two, into clusters of records about one person. */
export function registerLinkCommand(program: Command): void {
  program
    .command('link')
    .description('find records about the same person: one CSV (dedupe) or two (link); writes record_id,cluster_id for every row')
    .argument('<files...>', 'record CSV file(s): one to deduplicate, two to link')
    .requiredOption('--out <file>', 'clusters CSV to write (record_id,cluster_id)')
    .addOption(new Option('--settings <file>', 'linkage settings JSON (env RECKON_LINK_SETTINGS); default: person register').env('RECKON_LINK_SETTINGS'))
    .addOption(new Option('--threshold <p>', 'match probability from which records are linked (env RECKON_LINK_THRESHOLD)').env('RECKON_LINK_THRESHOLD'))
    .option('--pairs <file>', 'also write scored candidate pairs with each comparison level')
    .option('--pairs-min <p>', 'lowest match probability written to --pairs (default 0.01)')
    .addOption(
      new Option('--workers <n>', 'threads that read, prepare and score (env RECKON_LINK_WORKERS); default: one per core for files over 4 MB, 1 = no worker threads').env(
        'RECKON_LINK_WORKERS',
      ),
    )
    .option('--quiet', 'no progress on stderr')
    .action(async (files: string[], flags: LinkFlags, command: Command) => {
      await run(files, flags, command);
    });
}
