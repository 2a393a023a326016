import { readFile, stat, writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from '../../core/export/formula.js';
import { levelLabels } from '../../core/linkage/levels.js';
import type { LinkageRun } from '../../core/linkage/run-linkage.js';
import { probability, weightOf } from '../../core/linkage/score.js';
import { settingsSchema, type LinkageSettings } from '../../core/linkage/settings.schemas.js';
import { LinkageInputError } from './linkage-input-error.js';
import { loadFiles, type LoadedFiles } from './load-files.js';
import { defaultWorkers, linkDatasetParallel } from './parallel-linkage.js';
import { WorkerPool } from './worker-pool.js';

/** Options of a file-level linkage run (`reckon link`). */
export interface LinkFilesOptions {
  /** One file (dedupe) or two (link). */
  files: string[];
  out: string;
  settingsPath?: string;
  threshold?: number;
  pairsPath?: string;
  /** Scored pairs below this probability are not written to the pairs file. */
  pairsMin?: number;
  /** Worker threads scoring candidate pairs; default one per core for large inputs, 1 = this thread only. */
  workers?: number;
  progress?: (message: string) => void;
}

/** Summary of a run, for the command's output. */
export interface LinkFilesSummary {
  records: number;
  clusters: number;
  candidatePairs: number;
  linkedPairs: number;
  warnings: number;
  seconds: number;
}

const DEFAULT_SETTINGS = new URL('../../core/linkage/settings/person-register.json', import.meta.url);

/** Loads linkage settings from a JSON file (the person-register defaults when no path is given). */
export async function loadSettings(path?: string): Promise<LinkageSettings> {
  const where = path ?? DEFAULT_SETTINGS;
  const label = path ?? 'person-register.json';
  let json: unknown;
  try {
    json = JSON.parse(await readFile(where, 'utf8'));
  } catch (error) {
    throw new LinkageInputError(`cannot read settings ${label}: ${(error as Error).message}`);
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LinkageInputError(`settings ${label}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function clusterCsv(run: LinkageRun, fileOf: (i: number) => string | null): string {
  const { recordIds } = run.dataset;
  const rows = Array.from(run.clusters, (rep, i) => {
    const row = [escapeFormula(recordIds[i] ?? ''), escapeFormula(recordIds[rep] ?? '')];
    const file = fileOf(i);
    if (file !== null) row.push(file, fileOf(rep) ?? '');
    return row;
  });
  const columns = run.dataset.linkMode ? ['record_id', 'cluster_id', 'file', 'cluster_file'] : ['record_id', 'cluster_id'];
  return stringify(rows, { header: true, columns });
}

function pairsCsv(run: LinkageRun, minProbability: number): string {
  const comps = run.model.settings.comparisons;
  const labels = comps.map(levelLabels);
  const { a, b, length } = run.blocking.pairs;
  const ids = run.dataset.recordIds;
  const minWeight = weightOf(minProbability);
  const rows: string[][] = [];
  for (let k = 0; k < length; k++) {
    const w = run.weight[k] ?? -Infinity;
    if (w < minWeight) continue;
    const levels = comps.map((_, c) => {
      const l = run.levels[c]?.[k] ?? -1;
      return l < 0 ? 'missing' : (labels[c]?.[l] ?? '');
    });
    rows.push([escapeFormula(ids[a[k] ?? 0] ?? ''), escapeFormula(ids[b[k] ?? 0] ?? ''), w.toFixed(3), probability(w).toFixed(6), ...levels]);
  }
  rows.sort((x, y) => Number(y[2]) - Number(x[2]));
  return stringify(rows, { header: true, columns: ['record_id_a', 'record_id_b', 'match_weight', 'match_probability', ...comps.map((c) => c.name)] });
}

/** Dedupes one record CSV or links two, writing record_id,cluster_id for every input row (and scored pairs on request). */
export async function linkFiles(options: LinkFilesOptions): Promise<LinkFilesSummary> {
  const progress = options.progress ?? (() => undefined);
  const t0 = Date.now();
  const settings = await loadSettings(options.settingsPath);
  const threshold = options.threshold ?? settings.threshold;
  if (options.files.length < 1 || options.files.length > 2) throw new LinkageInputError('give one file to deduplicate or two files to link');
  const bytes = (await Promise.all(options.files.map((f) => stat(f).then((st) => st.size, () => 0)))).reduce((a, b) => a + b, 0);
  const workers = options.workers ?? defaultWorkers(Infinity, bytes);
  const pool = workers > 1 ? new WorkerPool(workers) : null;
  let run: LinkageRun;
  let loaded: LoadedFiles;
  try {
    loaded = await loadFiles(settings, options.files, progress, pool);
    const { warnings } = loaded;
    for (const w of warnings.slice(0, 50)) progress(`warning: ${w}`);
    if (warnings.length > 50) progress(`… and ${warnings.length - 50} more warnings`);
    // Only pairs that can matter are kept: those linked, and those written to the pairs file.
    const keepFrom = options.pairsPath !== undefined ? Math.min(threshold, options.pairsMin ?? 0.01) : threshold;
    run = await linkDatasetParallel(settings, loaded.dataset, {
      progress,
      keepFrom,
      workers,
      ...(pool ? { pool } : {}),
      ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    });
  } finally {
    await pool?.close();
  }
  const second = loaded.sizes.length > 1;
  const firstSize = loaded.sizes[0] ?? 0;
  const fileOf = (i: number): string | null => (second ? (i < firstSize ? '1' : '2') : null);
  await writeFile(options.out, clusterCsv(run, fileOf));
  progress(`wrote ${run.dataset.size} rows to ${options.out}`);
  if (options.pairsPath !== undefined) {
    await writeFile(options.pairsPath, pairsCsv(run, options.pairsMin ?? 0.01));
    progress(`wrote scored pairs to ${options.pairsPath}`);
  }
  const linkWeight = weightOf(threshold);
  let linked = 0;
  for (const w of run.weight) if (w >= linkWeight) linked++;
  return {
    records: run.dataset.size,
    clusters: new Set(run.clusters).size,
    candidatePairs: run.candidates,
    linkedPairs: linked,
    warnings: loaded.warnings.length,
    seconds: (Date.now() - t0) / 1000,
  };
}
