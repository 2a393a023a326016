// Entry of an import worker thread. A worker does not inherit the TypeScript loader that bin/reckon.js
// registers, so it registers tsx itself before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
