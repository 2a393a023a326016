import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { RecordItem } from '../record-item.js';

/** A temporary folder removed after the test file; `write` puts a file in it and returns its path. */
export function tempFiles(): { dir: string; write: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-files-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Collects every item of a record stream. */
export async function collect(items: AsyncIterable<RecordItem>): Promise<RecordItem[]> {
  const all: RecordItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}
