import type { ColumnMapping } from '../../../core/mapping/mapping.schemas.js';
import type {
  RowDecision,
  StagedImportView,
  PreviewResult,
  StagedRowView,
} from '../../../services/import/staged-import.schemas.js';
import { get, post, seg, upload } from './client.js';

// Bulk import in the browser (docs/api.md "Bulk import"): upload a record file, map its columns, preview,
// fix or exclude rows, then commit all-or-nothing or discard.

export type { ColumnMapping, PreviewResult, RowDecision, StagedImportView, StagedRowView };

/** What a commit wrote. */
export interface CommitResult {
  importId: string;
  rows: number;
  persons: number;
  sources: number;
  claims: number;
  warnings: number;
  excluded: number;
  fixed: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type to send a record file as: by its name first (browsers disagree on CSV's type), else its own type. */
export function recordFileType(file: Pick<File, 'name' | 'type'>): 'text/csv' | typeof XLSX_TYPE | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  if (file.type === XLSX_TYPE) return XLSX_TYPE;
  if (file.type === 'text/csv') return 'text/csv';
  return null;
}

/** The raw file as the body; `name` is only shown to reviewers. */
export const uploadImport = (file: File, type: string): Promise<StagedImportView> =>
  upload(`/imports?name=${encodeURIComponent(file.name.slice(0, 200))}`, file, type);

export const importQueue = (
  query: { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<{ imports: StagedImportView[] }> => get('/queues/imports', { ...query }, signal);

export const getImport = (id: string, signal?: AbortSignal): Promise<StagedImportView> =>
  get(`/imports/${seg(id)}`, undefined, signal);

export interface MappingChoice {
  mapping?: ColumnMapping;
  personColumn?: string;
}

export const previewImport = (id: string, body: MappingChoice): Promise<PreviewResult> =>
  post(`/imports/${seg(id)}/preview`, body);

export const importRows = (
  id: string,
  query: { problems: boolean; limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<{ rows: StagedRowView[]; total: number | null }> =>
  get(
    `/imports/${seg(id)}/rows`,
    { problems: query.problems ? '1' : '0', limit: query.limit, offset: query.offset },
    signal,
  );

export const decideRow = (id: string, row: number, body: RowDecision): Promise<StagedRowView> =>
  post(`/imports/${seg(id)}/rows/${String(row)}`, body);

export const commitImport = (id: string, body: MappingChoice): Promise<CommitResult> =>
  post(`/imports/${seg(id)}/commit`, body);

export const discardImport = (id: string, reason: string): Promise<StagedImportView> =>
  post(`/imports/${seg(id)}/discard`, { reason });
