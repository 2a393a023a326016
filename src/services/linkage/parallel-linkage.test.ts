import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatePairs } from '../../core/linkage/blocking.js';
import { buildDataset, type Dataset } from '../../core/linkage/dataset.js';
import { prepareRows } from '../../core/linkage/prepare.js';
import { finishRun, linkDataset } from '../../core/linkage/run-linkage.js';
import { scorePairs, weightOf } from '../../core/linkage/score.js';
import type { LinkageModel } from '../../core/linkage/settings.schemas.js';
import { trainModel } from '../../core/linkage/train.js';
import { RECORD_COLUMNS } from '../../core/record/record.schemas.js';
import { generateRegister } from '../../core/synth/generate.js';
import { linkFiles, loadSettings } from './link-files.service.js';
import { loadFilesHere, loadFilesParallel } from './load-files.js';
import { linkDatasetParallel } from './parallel-linkage.js';
import { WorkerPool } from './worker-pool.js';

// A synthetic register (generated, no real persons), linked in this thread and on two worker threads.
const dir = mkdtempSync(join(tmpdir(), 'reckon-parallel-'));
const settings = await loadSettings();
const { records } = generateRegister({ persons: 1500, seed: 11 });
const rows = prepareRows(settings, records);
let pool: WorkerPool;
let ds: Dataset;
let model: LinkageModel;

beforeAll(() => {
  pool = new WorkerPool(2);
  ds = buildDataset(settings, rows);
  model = trainModel(settings, ds);
});
afterAll(async () => {
  await pool.close();
});

function asPairs(run: { blocking: { pairs: { a: Int32Array; b: Int32Array; length: number } }; weight: Float64Array; levels: Int8Array[] }): string[] {
  const { a, b, length } = run.blocking.pairs;
  return Array.from({ length }, (_, k) => `${a[k]}-${b[k]} ${run.weight[k]} ${run.levels.map((l) => l[k]).join('')}`);
}

describe('linkage on worker threads', () => {
  it('scores the same pairs with the same weights and levels, and clusters alike, as listing every pair in one thread', async () => {
    const blocking = candidatePairs(ds, settings.blocking, settings.maxBlockSize);
    const { levels, weight } = scorePairs(model, ds, blocking.pairs);
    // The run's own clustering step, on the pairs listed and scored the reference way.
    const { clusters } = finishRun(settings, model, ds, { blocking, levels, weight, candidates: blocking.pairs.length }, {});
    const parallel = await linkDatasetParallel(settings, ds, { model, pool });
    const here = linkDataset(settings, ds, { model });
    expect(blocking.pairs.length).toBeGreaterThan(10_000);
    expect(parallel.candidates).toBe(blocking.pairs.length);
    expect(parallel.blocking.perRule).toEqual(blocking.perRule);
    expect(asPairs(parallel)).toEqual(asPairs({ blocking, weight, levels }));
    expect(asPairs(here)).toEqual(asPairs(parallel));
    expect(Array.from(parallel.clusters)).toEqual(Array.from(clusters));
    expect(Array.from(here.clusters)).toEqual(Array.from(clusters));
  });

  it('keeps only pairs from the floor asked for, still counting every candidate and clustering alike', async () => {
    const all = linkDataset(settings, ds, { model });
    const kept = await linkDatasetParallel(settings, ds, { model, pool, keepFrom: 0.2 });
    const floor = weightOf(0.2);
    expect(kept.candidates).toBe(all.candidates);
    expect(kept.blocking.pairs.length).toBeLessThan(all.blocking.pairs.length / 2);
    expect(asPairs(kept)).toEqual(asPairs(all).filter((_, k) => (all.weight[k] ?? -Infinity) >= floor));
    expect(Array.from(kept.clusters)).toEqual(Array.from(all.clusters));
    await expect(linkDatasetParallel(settings, ds, { model, pool, keepFrom: 0.9 })).rejects.toThrow(/must not exceed the link threshold/);
  });
});

describe('reading record files on worker threads', () => {
  const csvRows = records.map((r) => RECORD_COLUMNS.map((c) => r[c]));
  // Problems the reader must report by row, wherever the file is cut: extra cells, no name, a repeated id.
  csvRows.splice(700, 0, ['x1', 'local_news', '', '', '', '', '', '', '', '', '', '', '', '2023-01-01', '', '', '', '', 'extra']);
  csvRows.splice(1900, 0, ['x2', 'local_news', ...RECORD_COLUMNS.slice(2).map(() => '')]);
  csvRows.push([csvRows[5]?.[0] ?? '', 'local_news', '', '', '', 'Иванов', 'Пётр', '', '', '', '', '', '', '', '', '', '', '']);
  const plain = join(dir, 'register.csv');
  writeFileSync(plain, stringify([[...RECORD_COLUMNS], ...csvRows]));

  it('gives the dataset and warnings reading in one thread gives, row numbers included', async () => {
    const here = await loadFilesHere(settings, [plain], () => undefined);
    const parallel = await loadFilesParallel(pool, settings, [plain], () => undefined);
    expect(parallel).not.toBeNull();
    expect(parallel?.warnings).toEqual(here.warnings);
    expect(here.warnings.some((w) => w.includes('row 702: 1 cells beyond the header ignored'))).toBe(true);
    expect(here.warnings.some((w) => w.includes('row 1902: empty name'))).toBe(true);
    expect(here.warnings.some((w) => w.includes('1 repeated record_id values'))).toBe(true);
    expect(parallel?.sizes).toEqual(here.sizes);
    expect(parallel?.dataset).toEqual(here.dataset);
  });

  it('declines a file that is not plain CSV, which is then read in one thread', async () => {
    const crlf = join(dir, 'crlf.csv');
    writeFileSync(crlf, readFileSync(plain, 'utf8').replaceAll('\n', '\r\n'));
    expect(await loadFilesParallel(pool, settings, [crlf], () => undefined)).toBeNull();
  });

  it('writes the same clusters and scored pairs through `reckon link` with and without workers', async () => {
    const run = async (workers: number): Promise<[string, string]> => {
      const out = join(dir, `clusters-${workers}.csv`);
      const pairs = join(dir, `pairs-${workers}.csv`);
      await linkFiles({ files: [plain], out, pairsPath: pairs, workers });
      return [readFileSync(out, 'utf8'), readFileSync(pairs, 'utf8')];
    };
    const [one, two] = [await run(1), await run(2)];
    expect(two[0]).toEqual(one[0]);
    expect(two[1]).toEqual(one[1]);
    expect(one[0].trim().split('\n')).toHaveLength(csvRows.length + 1);
  });
});
