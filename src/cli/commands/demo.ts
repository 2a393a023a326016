import { Option, type Command } from 'commander';
import { synthOptionsSchema, type SynthOptions } from '../../core/synth/synth.schemas.js';
import { writeDemoFiles } from '../../services/demo/demo-files.js';
import { loadDemo } from '../../services/demo/demo.service.js';
import { UserError } from '../cli-error.js';
import { log, printData, withDb } from '../context.js';

function number(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UserError(`${flag}: expected a number, found "${raw}"`);
  return value;
}

interface DemoFlags {
  persons: string;
  seed: string;
  out?: string;
  load?: boolean;
  homonymShare: string;
  unseenShare: string;
  noise: string;
}

function parseFlags(flags: DemoFlags): SynthOptions {
  const parsed = synthOptionsSchema.safeParse({
    persons: number('--persons', flags.persons),
    seed: flags.seed,
    homonymShare: number('--homonym-share', flags.homonymShare),
    unseenShare: number('--unseen-share', flags.unseenShare),
    noise: number('--noise', flags.noise),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag =
    {
      persons: '--persons',
      homonymShare: '--homonym-share',
      unseenShare: '--unseen-share',
      noise: '--noise',
    }[String(issue?.path[0])] ?? '--seed';
  throw new UserError(`${flag}: ${issue?.message ?? 'invalid value'}`);
}

/** `reckon demo`: writes a SYNTHETIC register of fictional people (records, ground truth, persons) to a folder. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'write a synthetic register of FICTIONAL people: records.csv, truth.csv, persons.csv, README.txt',
    )
    .addOption(
      new Option('--out <dir>', 'folder to write the files into, created if missing').env('RECKON_DEMO_OUT'),
    )
    .option(
      '--load',
      'instead of files, fill the register (--db) with the synthetic demo, a share confirmed by a synthetic editor',
    )
    .addOption(
      new Option('--persons <n>', 'number of fictional persons').env('RECKON_DEMO_PERSONS').default('1000'),
    )
    .addOption(
      new Option('--seed <seed>', 'any text; the same seed gives the same files')
        .env('RECKON_DEMO_SEED')
        .default('1'),
    )
    .addOption(
      new Option(
        '--homonym-share <share>',
        'share of persons made namesakes of an earlier, different person, 0–0.5',
      )
        .env('RECKON_DEMO_HOMONYM_SHARE')
        .default('0.05'),
    )
    .addOption(
      new Option(
        '--unseen-share <share>',
        'share of persons who appear in no record, for checking estimates, 0–0.95',
      )
        .env('RECKON_DEMO_UNSEEN_SHARE')
        .default('0'),
    )
    .addOption(
      new Option('--noise <level>', 'noise: 0 clean, 1 realistic, up to 3')
        .env('RECKON_DEMO_NOISE')
        .default('1'),
    )
    .action(async (flags: DemoFlags, command: Command) => {
      const options = parseFlags(flags);
      if (flags.load) {
        await withDb(command, async (db) => {
          printData(command, await loadDemo(db, { persons: options.persons, seed: options.seed }));
        });
        return;
      }
      if (flags.out === undefined)
        throw new UserError('--out DIR (write files) or --load (fill the register) is required');
      const started = Date.now();
      const s = await writeDemoFiles(options, flags.out);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(
        `demo: ${s.persons} fictional persons (${s.namesakes} namesakes${s.unseen > 0 ? `, ${s.unseen} in no record` : ''}), ${s.records} records written to ${s.dir} in ${seconds}s (SYNTHETIC data)`,
      );
    });
}
