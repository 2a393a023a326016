import { Command, Option } from 'commander';
import type { EstimateResult } from '../../core/estimate/estimate.schemas.js';
import type { Heterogeneity } from '../../core/estimate/loglinear-models.js';
import { PatternTableError } from '../../core/estimate/pattern-table.js';
import {
  estimateFromPatterns,
  estimateFromRegistry,
  type PatternMethod,
} from '../../services/estimate/estimate.service.js';
import { readPatternFile } from '../../services/estimate/pattern-file.js';
import { readRegistryCounts, readRegistryMatches } from '../../services/estimate/registry-file.js';
import { UserError } from '../cli-error.js';
import { globalOptions, log, withDb } from '../context.js';
import { strataKeySchema } from '../../core/estimate/register-lists.js';
import {
  estimateRegister,
  publishStoredEstimate,
} from '../../services/estimate-records/estimate-records.service.js';
import { formatOutput } from '../output.js';

interface EstimateFlags {
  method: PatternMethod | 'registry';
  patterns?: string;
  registry?: string;
  registryMatches?: string;
  seed?: string;
  heterogeneity?: Heterogeneity | 'none';
  model?: string;
  burnIn?: string;
  samples?: string;
  thin?: string;
  stratifyBy?: string;
  includeReported?: boolean;
  store?: boolean;
  publish?: string;
}

function wholeNumber(raw: string | undefined, flag: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < min)
    throw new UserError(`${flag}: expected a whole number of at least ${min}, found "${raw}"`);
  return Number(raw);
}

function summaryRow(r: EstimateResult): Record<string, unknown> {
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    method: r.method,
    model: r.model ?? '',
    observed: r.inputs.observed,
    estimate: round(r.estimate),
    lower: round(r.lower),
    upper: round(r.upper),
    se: r.se === undefined ? '' : round(r.se),
    seed: r.seed ?? '',
  };
}

async function fromRegister(
  flags: EstimateFlags,
  command: Command,
  seed: number | undefined,
): Promise<EstimateResult> {
  if (flags.method === 'registry')
    throw new UserError('--method registry needs --registry and --registry-matches files');
  const method = flags.method;
  const strata = (flags.stratifyBy ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const stratifyBy = strata.map((x) => {
    const parsed = strataKeySchema.safeParse(x);
    if (!parsed.success) throw new UserError(`--stratify-by: "${x}" is not one of region, period, category`);
    return parsed.data;
  });
  return withDb(command, async (db, g) => {
    const r = await estimateRegister(db, {
      actor: g.actor,
      method,
      stratifyBy,
      includeReported: flags.includeReported ?? false,
      ...(seed === undefined ? {} : { seed }),
    });
    log(`stored as estimate ${r.id}; publish it beside the count with: reckon estimate --publish ${r.id}`);
    for (const s of r.strata)
      log(
        `stratum ${s.key}: ${s.result ? `${Math.round(s.result.estimate)} (${Math.round(s.result.lower)}–${Math.round(s.result.upper)})` : `no estimate: ${s.error ?? ''}`}`,
      );
    return r.overall;
  });
}

async function compute(flags: EstimateFlags, command: Command): Promise<EstimateResult> {
  const seed = wholeNumber(flags.seed, '--seed', 0);
  if (flags.method === 'registry') {
    if (flags.registry === undefined || flags.registryMatches === undefined) {
      throw new UserError(
        '--method registry needs --registry COUNTS.csv and --registry-matches MATCHES.csv (see docs/estimation.md)',
      );
    }
    const [counts, matches] = await Promise.all([
      readRegistryCounts(flags.registry),
      readRegistryMatches(flags.registryMatches),
    ]);
    return estimateFromRegistry(counts, matches, {
      source: `${flags.registry} + ${flags.registryMatches}`,
      ...(seed === undefined ? {} : { seed }),
    });
  }
  if (flags.patterns === undefined) return fromRegister(flags, command, seed);
  const table = await readPatternFile(flags.patterns);
  const burnIn = wholeNumber(flags.burnIn, '--burn-in', 0);
  const samples = wholeNumber(flags.samples, '--samples', 10);
  const thin = wholeNumber(flags.thin, '--thin', 1);
  return estimateFromPatterns(table, {
    method: flags.method,
    source: flags.patterns,
    ...(seed === undefined ? {} : { seed }),
    ...(flags.model === undefined ? {} : { model: flags.model }),
    ...(flags.heterogeneity === undefined || flags.heterogeneity === 'none'
      ? {}
      : { heterogeneity: flags.heterogeneity }),
    ...(burnIn === undefined ? {} : { burnIn }),
    ...(samples === undefined ? {} : { samples }),
    ...(thin === undefined ? {} : { thin }),
  });
}

async function run(flags: EstimateFlags, command: Command): Promise<void> {
  const { format } = globalOptions(command);
  if (flags.publish !== undefined) {
    const id = flags.publish;
    await withDb(command, async (db, g) => {
      await publishStoredEstimate(db, id, g.actor);
    });
    log(`estimate ${id} published: releases cut from now on show it beside the count`);
    return;
  }
  let result: EstimateResult;
  try {
    result = await compute(flags, command);
  } catch (error) {
    if (error instanceof PatternTableError) throw new UserError(error.message);
    throw error;
  }
  process.stdout.write(
    format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatOutput(summaryRow(result), format),
  );
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
}

/** `reckon estimate`: estimates the true total from overlapping lists or the death registry. */
export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description(
      'estimate the true toll from overlapping lists (multiple systems estimation) or the death registry',
    )
    .addOption(
      new Option('--method <method>', 'estimation method')
        .choices(['loglinear', 'lcmcr', 'dga', 'registry'])
        .env('RECKON_ESTIMATE_METHOD')
        .default('loglinear'),
    )
    .addOption(
      new Option('--patterns <file>', 'CSV with one 0/1 column per list and a final count column').env(
        'RECKON_PATTERNS',
      ),
    )
    .addOption(
      new Option('--registry <file>', 'registry: counts CSV sex,age_band,period,phase,deaths').env(
        'RECKON_REGISTRY',
      ),
    )
    .addOption(
      new Option('--registry-matches <file>', 'registry: CSV age_band,named,found').env(
        'RECKON_REGISTRY_MATCHES',
      ),
    )
    .addOption(
      new Option('--seed <n>', 'random seed for lcmcr and the registry bootstrap').env('RECKON_SEED'),
    )
    .addOption(
      new Option('--heterogeneity <form>', 'loglinear: heterogeneity term')
        .choices(['none', 'Chao', 'Poisson2', 'Darroch', 'Gamma3.5'])
        .env('RECKON_HETEROGENEITY'),
    )
    .addOption(
      new Option(
        '--model <name>',
        'loglinear: fit this model, e.g. "[123,14,34]", instead of the best by BIC',
      ).env('RECKON_MODEL'),
    )
    .addOption(new Option('--burn-in <n>', 'lcmcr: burn-in iterations, default 10000').env('RECKON_BURN_IN'))
    .addOption(new Option('--samples <n>', 'lcmcr: posterior draws kept, default 1000').env('RECKON_SAMPLES'))
    .addOption(new Option('--thin <n>', 'lcmcr: iterations per kept draw, default 100').env('RECKON_THIN'))
    .option(
      '--stratify-by <keys>',
      'register: also estimate per region, period and/or category (comma-separated)',
    )
    .option('--include-reported', 'register: count reported (not yet confirmed) deaths too')
    .option('--publish <estimate-id>', 'publish a stored estimate beside the count in the next releases')
    .action(async (flags: EstimateFlags, command: Command) => {
      await run(flags, command);
    });
}
