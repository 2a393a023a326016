export { normaliseSourceKind } from './source-kind.js';
export { normaliseSex } from './sex.js';
