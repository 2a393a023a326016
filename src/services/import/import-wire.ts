import type { Insertable } from 'kysely';
import { flattenRows, type FlatRows } from '../../db/repositories/bulk.js';
import type { ClaimsTable } from '../../db/schema.js';
import type { ReadRecordFileOptions } from '../files/record-file-reader.js';
import { RecordFileError, type RowProblem } from '../files/record-file-error.js';
import type { ImportBatch } from './import-batch.js';
import type { PlanOptions } from './import-plan.js';
import type { ImportSummary } from './import.schemas.js';

// What the import worker thread and the thread that writes pass each other: a batch travels as flat value
// arrays (passing 100,000 records as objects costs the receiving thread about 0.8 s; flat arrays, a third).

/** An ImportBatch as it crosses threads. */
export interface WireBatch {
  persons: FlatRows;
  sources: FlatRows;
  claims: FlatRows;
  fills: ImportBatch['fills'];
  laterClaims: Insertable<ClaimsTable>[];
}

/** What the worker is given: the file, how to read it, and the import it plans rows for. */
export interface ImportWorkerData {
  path: string;
  read: ReadRecordFileOptions;
  plan: PlanOptions;
}

/** An error as it crosses threads: a record file's own error keeps its row problems. */
export interface WireError {
  name: string;
  message: string;
  file?: string;
  problems?: readonly RowProblem[];
}

export type WorkerMessage = { type: 'batch'; batch: WireBatch } | { type: 'done'; summary: ImportSummary } | { type: 'failed'; error: WireError };

export function packBatch(batch: ImportBatch): WireBatch {
  return {
    persons: flattenRows(batch.persons),
    sources: flattenRows(batch.sources),
    claims: flattenRows(batch.claims),
    fills: batch.fills,
    laterClaims: batch.laterClaims,
  };
}

export function wireError(error: unknown): WireError {
  if (error instanceof RecordFileError) return { name: error.name, message: error.message, file: error.file, problems: error.problems };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The worker's error as the same kind of error the import would have thrown in one thread. */
export function reviveError(w: WireError): Error {
  if (w.name === 'RecordFileError' && w.file !== undefined) {
    const error = new RecordFileError(w.file, '', undefined, w.problems ?? []);
    error.message = w.message;
    return error;
  }
  const error = new Error(w.message);
  error.name = w.name;
  return error;
}

