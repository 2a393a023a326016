import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { bulkPathWithin, insertFlat, type BulkPath } from '../../db/repositories/bulk.js';
import type { Database } from '../../db/schema.js';
import type { ReadRecordFileOptions } from '../files/record-file-reader.js';
import { finishImport, flushLaterRows, ImportRejected, startImport } from './import.service.js';
import { importOptionsSchema, type ImportOptions, type ImportSummary } from './import.schemas.js';
import { reviveError, type ImportWorkerData, type WireBatch, type WorkerMessage } from './import-wire.js';

const ENTRY = new URL('./import-worker.js', import.meta.url);

/** Writes one batch the worker planned, as the import service's flush writes its own. */
async function flushWire(trx: Kysely<Database>, batch: WireBatch, path: BulkPath): Promise<void> {
  await insertFlat(trx, 'persons', batch.persons, path);
  await insertFlat(trx, 'sources', batch.sources, path);
  await insertFlat(trx, 'claims', batch.claims, path);
  await flushLaterRows(trx, batch, path);
}

/**
 * Runs the worker to its end: each batch it sends is written (one at a time, in order) and acknowledged, so the
 * worker reads and derives the next rows while this thread writes. Resolves with the worker's summary.
 */
function drive(worker: Worker, write: (batch: WireBatch) => Promise<void>): Promise<ImportSummary> {
  return new Promise<ImportSummary>((resolve, reject) => {
    let settled = false;
    let queue = Promise.resolve();
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    worker.on('message', (message: WorkerMessage) => {
      queue = queue
        .then(async () => {
          if (settled) return;
          if (message.type === 'batch') {
            await write(message.batch);
            worker.postMessage('written');
          } else if (message.type === 'done') {
            settled = true;
            resolve(message.summary);
          } else fail(reviveError(message.error));
        })
        .catch((error: unknown) => {
          fail(error instanceof Error ? error : new Error(String(error)));
        });
    });
    // A worker that dies mid-file fails the import once the batch being written is done: the transaction must
    // not roll back (and release its connection) under a write still running on it.
    const failAfterWrites = (error: Error): void => {
      const done = (): void => {
        fail(error);
      };
      queue.then(done, done);
    };
    worker.on('error', failAfterWrites);
    worker.on('messageerror', failAfterWrites);
    worker.on('exit', (code) => {
      failAfterWrites(new Error(`the import worker stopped (exit code ${code}) before it finished reading the file`));
    });
  });
}

/**
 * importFile for a file worth a second thread: a worker reads, checks and derives the rows while this thread
 * writes them, in one transaction (IMPORT-ATOMIC as in one thread: any error rolls everything back).
 */
export async function importFileInWorker(db: Db, path: string, read: ReadRecordFileOptions, input: ImportOptions): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(input);
  if (options.dryRun) throw new Error('importFileInWorker writes: a dry run reads in one thread');
  const importId = newId();
  const now = new Date().toISOString();
  const data: ImportWorkerData = {
    path,
    read,
    plan: { importId, now, actor: options.actor, personColumn: options.personColumn, batchSize: options.batchSize, dryRun: false },
  };
  return db.kysely.transaction().execute(async (trx) => {
    await startImport(trx, importId, now, options);
    const worker = new Worker(ENTRY, { workerData: data });
    try {
      const bulk = await bulkPathWithin(db, trx);
      const summary = await drive(worker, (batch) => flushWire(trx, batch, bulk));
      if (summary.errors > 0) throw new ImportRejected(summary);
      return await finishImport(db, trx, importId, options, summary);
    } finally {
      await worker.terminate();
    }
  });
}
