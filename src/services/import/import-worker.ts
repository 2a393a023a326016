import { parentPort, workerData } from 'node:worker_threads';
import { readRecordFileBatches } from '../files/record-file-reader.js';
import type { ImportBatch } from './import-batch.js';
import { ImportPlan } from './import-plan.js';
import { packBatch, wireError, type ImportWorkerData, type WorkerMessage } from './import-wire.js';

// An import worker thread: reads the record file, checks and derives every row and sends batches of rows to
// write to the thread that holds the transaction, at most WINDOW batches ahead of it (memory stays flat).

const WINDOW = 4;
const port = parentPort;
if (!port) throw new Error('import-worker.ts runs as a worker thread');
const data = workerData as ImportWorkerData;
let ahead = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  ahead--;
  wake?.();
  wake = null;
});

const post = (message: WorkerMessage): void => {
  port.postMessage(message);
};

async function send(batch: ImportBatch): Promise<void> {
  post({ type: 'batch', batch: packBatch(batch) });
  ahead++;
  while (ahead >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
}

try {
  const plan = new ImportPlan(data.plan);
  for await (const items of readRecordFileBatches(data.path, data.read)) {
    for (const item of items) {
      plan.add(item);
      if (plan.full) await send(plan.take());
    }
  }
  const last = plan.take();
  if (plan.summary.errors === 0 && last.claims.length > 0) await send(last);
  post({ type: 'done', summary: plan.summary });
} catch (error) {
  post({ type: 'failed', error: wireError(error) });
}
