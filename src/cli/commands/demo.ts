import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import { csvRow } from '../../core/synth/csv-row.js';
import { generateEvents } from '../../core/synth/generate.js';
import { demoReadme } from '../../core/synth/readme.js';
import { PERSON_COLUMNS, synthOptionsSchema, type SynthOptions } from '../../core/synth/synth.schemas.js';
import { UserError } from '../cli-error.js';
import { log } from '../context.js';

/** What a demo run wrote. */
export interface DemoSummary {
  persons: number;
  records: number;
  namesakes: number;
  /** Persons who appear in no record (only with unseenShare > 0). */
  unseen: number;
  dir: string;
}

const CHUNK = 1 << 20;

/** A file written in large chunks, awaited one by one, so memory stays flat whatever the size. */
class ChunkedFile {
  private buffer = '';
  private constructor(private readonly handle: FileHandle) {}
  static async create(path: string, header: string): Promise<ChunkedFile> {
    const file = new ChunkedFile(await open(path, 'w'));
    file.buffer = header;
    return file;
  }
  async add(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffer.length > 0) await this.handle.write(this.buffer);
    this.buffer = '';
  }
  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}

/**
 * Writes a synthetic register to `dir`: records.csv (the record CSV), truth.csv (record_id,person_id),
 * persons.csv (the true attributes) and README.txt. Same options, byte-identical files.
 */
export async function writeDemoFiles(options: SynthOptions, dir: string): Promise<DemoSummary> {
  await mkdir(dir, { recursive: true });
  const records = await ChunkedFile.create(join(dir, 'records.csv'), csvRow(RECORD_COLUMNS));
  const truth = await ChunkedFile.create(join(dir, 'truth.csv'), csvRow(['record_id', 'person_id']));
  const persons = await ChunkedFile.create(join(dir, 'persons.csv'), csvRow(PERSON_COLUMNS));
  const summary: DemoSummary = { persons: 0, records: 0, namesakes: 0, unseen: 0, dir };
  try {
    for (const event of generateEvents(options)) {
      if (event.kind === 'person') {
        const p = event.person;
        summary.persons++;
        if (p.homonym_of) summary.namesakes++;
        if (p.record_count === 0) summary.unseen++;
        await persons.add(csvRow(PERSON_COLUMNS.map((c) => String(p[c]))));
      } else {
        summary.records++;
        await records.add(csvRow(RECORD_COLUMNS.map((c) => event.record[c])));
        await truth.add(csvRow([event.record.record_id, event.personId]));
      }
    }
  } finally {
    await Promise.all([records.close(), truth.close(), persons.close()]);
  }
  const readme = await open(join(dir, 'README.txt'), 'w');
  await readme.writeFile(demoReadme(options, summary));
  await readme.close();
  return summary;
}

function number(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UserError(`${flag}: expected a number, found "${raw}"`);
  return value;
}

interface DemoFlags {
  persons: string;
  seed: string;
  out: string;
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
      new Option('--out <dir>', 'folder to write the files into, created if missing')
        .env('RECKON_DEMO_OUT')
        .makeOptionMandatory(),
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
    .action(async (flags: DemoFlags) => {
      const options = parseFlags(flags);
      const started = Date.now();
      const s = await writeDemoFiles(options, flags.out);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(
        `demo: ${s.persons} fictional persons (${s.namesakes} namesakes${s.unseen > 0 ? `, ${s.unseen} in no record` : ''}), ${s.records} records written to ${s.dir} in ${seconds}s (SYNTHETIC data)`,
      );
    });
}
