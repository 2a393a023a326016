import { parentPort } from 'node:worker_threads';
import { encodeChunk, type Dataset } from '../../core/linkage/dataset.js';
import { computeLevels } from '../../core/linkage/em.js';
import { compileComparators, levelCount, type Comparator } from '../../core/linkage/levels.js';
import { prepareRows } from '../../core/linkage/prepare.js';
import { scoreContext, scoreTask, type ScoreContext, type ScoredChunk } from '../../core/linkage/score-kernel.js';
import type { ComparisonSettings } from '../../core/linkage/settings.schemas.js';
import { countLevels } from '../../core/linkage/train.js';
import { emptyNameIssues } from './check-columns.js';
import { parseCsvStrict } from './fast-csv.js';
import { recordsToRows } from './read-records.js';
import { chunkTransfer, datasetFromMessage, packChunk, type LoadReply, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

// A linkage worker thread: reads and prepares slices of record files, then holds one run's dataset (shared
// memory) to compute levels for training, and its blocking plan to score tasks of it.
let data: { ds: Dataset; comparisons: ComparisonSettings[]; cached: Comparator[] | null; plain: Comparator[] | null } | null = null;
let context: ScoreContext | null = null;

function dataset(): NonNullable<typeof data> {
  if (!data) throw new Error('linkage worker: no dataset yet');
  return data;
}

function load(request: Extract<WorkerRequest, { type: 'load' }>): LoadReply {
  const { bytes, start, end, settings } = request;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
  const records = parseCsvStrict(text, false);
  if (records === null) return null;
  const { rows, issues } = recordsToRows(request.header, records);
  const emptyName = emptyNameIssues(settings, rows);
  const chunk = packChunk(encodeChunk(settings, prepareRows(settings, rows), request.source));
  return { size: rows.length, issues, emptyName, chunk };
}

function handle(request: WorkerRequest): { result: unknown; transfer: ArrayBuffer[] } {
  switch (request.type) {
    case 'load': {
      const result = load(request);
      return { result, transfer: result ? chunkTransfer(result.chunk) : [] };
    }
    case 'dataset': {
      data = { ds: datasetFromMessage(request.dataset), comparisons: request.comparisons, cached: null, plain: null };
      context = null;
      return { result: null, transfer: [] };
    }
    case 'levels': {
      const d = dataset();
      d.cached ??= compileComparators(d.comparisons, d.ds);
      const levels = computeLevels(d.cached, { a: request.a, b: request.b, length: request.a.length });
      return { result: levels, transfer: levels.map((l) => l.buffer as ArrayBuffer) };
    }
    case 'countLevels': {
      const d = dataset();
      d.plain ??= compileComparators(d.comparisons, d.ds, false);
      const counts = d.comparisons.map((c) => new Float64Array(levelCount(c)));
      countLevels(d.plain, { a: request.a, b: request.b, length: request.a.length }, counts);
      return { result: counts, transfer: counts.map((c) => c.buffer) };
    }
    case 'plan': {
      const d = dataset();
      context = scoreContext(request.comparisons, d.ds, request.plan, request.weights, request.keepWeight, request.signatures);
      return { result: null, transfer: [] };
    }
    case 'score': {
      if (!context) throw new Error('linkage worker: score before init');
      const chunk: ScoredChunk = scoreTask(context, request.task);
      return { result: chunk, transfer: [chunk.a.buffer, chunk.b.buffer, chunk.weight.buffer, chunk.levels.buffer] as ArrayBuffer[] };
    }
  }
}

const port = parentPort;
if (!port) throw new Error('linkage-worker must run as a worker thread');
port.on('message', (message: { id: number; request: WorkerRequest }) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const out = handle(message.request);
    reply = { id: message.id, ok: true, result: out.result };
    transfer = out.transfer;
  } catch (error) {
    reply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, transfer);
});
