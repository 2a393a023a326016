export { readRecordFile, readRecordFileBatches, type ReadRecordFileOptions, type RecordFileFormat } from './record-file-reader.js';
export { writeRecords, type WriteFormat, type WriteOptions } from './record-writer.js';
export { RecordFileError, type RowProblem } from './record-file-error.js';
export type { RecordItem } from './record-item.js';
export { DEFAULT_ZIP_LIMITS, guardZip, type ZipLimits } from './zip-guard.js';
export type { ExportRow } from './export-cells.js';
