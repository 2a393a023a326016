export { columnMappingSchema, recordColumnSchema, type ColumnMapping } from './mapping.schemas.js';
export { MappingError } from './mapping-error.js';
export { guessColumn, headerKey } from './header-aliases.js';
export { parseMapFlags, parseMappingJson } from './mapping-input.js';
export { buildRecord, resolveMapping, type ColumnTarget, type ResolvedMapping } from './resolve-mapping.js';
