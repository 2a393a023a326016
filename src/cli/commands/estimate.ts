import { Command, Option } from 'commander';
import { PatternTableError } from '../../core/estimate/pattern-table.js';
import type { EstimateResult } from '../../core/estimate/estimate.schemas.js';
import { estimateFromPatterns, type PatternMethod } from '../../services/estimate/estimate.service.js';
import { readPatternFile } from '../../services/estimate/pattern-file.js';
import { UserError } from '../cli-error.js';
import { globalOptions } from '../context.js';
import { formatOutput } from '../output.js';

interface EstimateFlags {
  method: PatternMethod | 'registry';
  patterns?: string;
  registry?: string;
  seed?: string;
  heterogeneity?: string;
  model?: string;
}

function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw.trim())) throw new UserError(`--seed: expected a whole number from 0 to 999999999, found "${raw}"`);
  return Number(raw);
}

function summaryRow(r: EstimateResult): Record<string, unknown> {
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { method: r.method, model: r.model ?? '', observed: r.inputs.observed, estimate: round(r.estimate), lower: round(r.lower), upper: round(r.upper), se: r.se === undefined ? '' : round(r.se), seed: r.seed ?? '' };
}

async function run(flags: EstimateFlags, command: Command): Promise<void> {
  const { format } = globalOptions(command);
  if (flags.method === 'registry') throw new UserError('--method registry is not available yet');
  if (flags.patterns === undefined) {
    throw new UserError('estimating from the register is not wired yet: pass --patterns FILE.csv (one 0/1 column per list, then a count column)');
  }
  const seed = parseSeed(flags.seed);
  let result: EstimateResult;
  try {
    const table = await readPatternFile(flags.patterns);
    result = estimateFromPatterns(table, {
      method: flags.method,
      source: flags.patterns,
      ...(seed === undefined ? {} : { seed }),
      ...(flags.model === undefined ? {} : { model: flags.model }),
      ...(flags.heterogeneity === undefined || flags.heterogeneity === 'none' ? {} : { heterogeneity: flags.heterogeneity as 'Chao' | 'Poisson2' | 'Darroch' | 'Gamma3.5' }),
    });
  } catch (error) {
    if (error instanceof PatternTableError) throw new UserError(error.message);
    throw error;
  }
  process.stdout.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatOutput(summaryRow(result), format));
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
}

/** `reckon estimate`: estimates the true total from overlapping lists or the registry. */
export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description('estimate the true toll from overlapping lists (multiple systems estimation) or the death registry')
    .addOption(new Option('--method <method>', 'estimation method (env RECKON_ESTIMATE_METHOD)').choices(['loglinear', 'lcmcr', 'dga', 'registry']).env('RECKON_ESTIMATE_METHOD').default('loglinear'))
    .addOption(new Option('--patterns <file>', 'CSV with one 0/1 column per list and a final count column (env RECKON_PATTERNS)').env('RECKON_PATTERNS'))
    .addOption(new Option('--registry <file>', 'registry counts CSV for --method registry (env RECKON_REGISTRY)').env('RECKON_REGISTRY'))
    .addOption(new Option('--seed <n>', 'random seed for lcmcr and bootstrap (env RECKON_SEED)').env('RECKON_SEED'))
    .addOption(new Option('--heterogeneity <form>', 'loglinear: heterogeneity term (env RECKON_HETEROGENEITY)').choices(['none', 'Chao', 'Poisson2', 'Darroch', 'Gamma3.5']).env('RECKON_HETEROGENEITY'))
    .addOption(new Option('--model <name>', 'loglinear: fit this model, e.g. "[123,14,34]", instead of the best by BIC (env RECKON_MODEL)').env('RECKON_MODEL'))
    .action(async (flags: EstimateFlags, command: Command) => {
      await run(flags, command);
    });
}
