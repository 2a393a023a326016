import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import { csvRow } from '../../core/synth/csv-row.js';
import { generateEvents } from '../../core/synth/generate.js';
import { demoReadme } from '../../core/synth/readme.js';
import { PERSON_COLUMNS, type SynthOptions } from '../../core/synth/synth.schemas.js';

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
