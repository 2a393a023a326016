import { newId } from '../../core/ids.js';
import { deriveRecord } from '../../core/record/record-to-person.js';
import type { RecordRow } from '../../core/record/record.schemas.js';
import { claimRow, emptyBatch, personValues, sourceRow, type ImportBatch } from './import-batch.js';
import type { ImportProblem, ImportSummary } from './import.schemas.js';

const MAX_PROBLEMS = 1_000;

export interface ImportRow {
  row: number;
  record: RecordRow;
  /** Problems the file reader found in this row (ragged row, control characters, …): always errors. */
  problems?: readonly { column?: string; message: string }[];
}

export interface PlanOptions {
  importId: string;
  /** The import's time, shared by every row it writes. */
  now: string;
  actor: string;
  personColumn?: string | undefined;
  batchSize: number;
  dryRun: boolean;
}

function personKeyOf(record: RecordRow, column: string | undefined): string | null {
  if (column === undefined) return null;
  const value = (record as Record<string, unknown>)[column] ?? record.extra?.[column];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** An import's summary before anything is read. */
export function emptySummary(dryRun: boolean): ImportSummary {
  return { importId: null, dryRun, rows: 0, persons: 0, sources: 0, claims: 0, errors: 0, warnings: 0, problems: [] };
}

/**
 * What an import does with each row, without a database: checks it (file problems, record problems, a repeated
 * record_id), derives the person it speaks of and fills batches of rows to write. The import service drives it
 * in its own thread; the parallel file import drives it in a worker thread while the main thread writes.
 */
export class ImportPlan {
  readonly summary: ImportSummary;
  private readonly personIds = new Map<string, string>();
  private readonly recordIds = new Set<string>();
  private batch: ImportBatch = emptyBatch();

  constructor(private readonly options: PlanOptions) {
    this.summary = emptySummary(options.dryRun);
  }

  private note(p: ImportProblem, rowProblems: ImportProblem[]): void {
    if (p.severity === 'error') this.summary.errors++;
    else this.summary.warnings++;
    if (this.summary.problems.length < MAX_PROBLEMS) this.summary.problems.push(p);
    rowProblems.push(p);
  }

  /** Reads one row; returns the problems found in it. Once any row has an error, rows are only checked. */
  add(item: ImportRow): ImportProblem[] {
    const { row, record, problems } = item;
    const rowProblems: ImportProblem[] = [];
    const summary = this.summary;
    summary.rows++;
    for (const p of problems ?? []) this.note({ row, column: p.column ?? '(row)', severity: 'error', message: p.message }, rowProblems);
    const derived = deriveRecord(record);
    for (const p of derived.problems) this.note({ row, ...p }, rowProblems);
    const rid = record.record_id?.trim();
    if (rid) {
      if (this.recordIds.has(rid))
        this.note({ row, column: 'record_id', severity: 'error', message: `record_id "${rid.slice(0, 40)}" appears twice in this file` }, rowProblems);
      this.recordIds.add(rid);
    }
    if (summary.errors > 0) return rowProblems;
    if (this.options.dryRun) {
      // Nothing will be written: count what would be, without building the rows.
      const key = personKeyOf(record, this.options.personColumn);
      if (key === null || !this.personIds.has(key)) summary.persons++;
      if (key !== null) this.personIds.set(key, '');
      summary.sources++;
      summary.claims++;
      return rowProblems;
    }
    const { importId, actor, now } = this.options;
    const ctx = { importId, actor, now, rowNumber: row };
    const key = personKeyOf(record, this.options.personColumn);
    let personId = key === null ? undefined : this.personIds.get(key);
    const earlierPerson = personId !== undefined;
    const batch = this.batch;
    if (personId === undefined) {
      personId = newId();
      if (key !== null) this.personIds.set(key, personId);
      batch.persons.push({ id: personId, ...personValues(derived), created_by: actor, created_at: now, updated_at: now });
      summary.persons++;
    } else {
      batch.fills.push({ id: personId, values: personValues(derived) });
    }
    const source = sourceRow(record, derived, ctx);
    batch.sources.push(source);
    const claim = claimRow(record, personId, source.id, ctx);
    batch.claims.push(claim);
    if (earlierPerson) batch.laterClaims.push(claim);
    summary.sources++;
    summary.claims++;
    return rowProblems;
  }

  /** True when the current batch holds as many rows as one write should take. */
  get full(): boolean {
    return this.batch.claims.length >= this.options.batchSize;
  }

  /** Hands over the rows gathered so far and starts a new batch. */
  take(): ImportBatch {
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }
}
