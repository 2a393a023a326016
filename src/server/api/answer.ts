import type { Context } from 'hono';
import { IntakeInvalid } from '../../services/intake/intake.service.js';
import { StagedFileInvalid, StagedFileUnsupported, StagedImportRefused } from '../../services/import/staged-common.js';
import { EditRefused } from '../../services/person/person-edit.service.js';
import { FieldValueInvalid } from '../../services/person/person-fields.js';
import { MergeRefused } from '../../services/review/merge.service.js';

/**
 * Runs a route's service call and answers the register's refusals with their status: 409 for a change refused
 * as things stand (stale version, field changed since, a merge or split the rules refuse, problems left), 400 for
 * a value, record or file that cannot be read (naming the field, row or column), 415 for a file that is not what it claims. 403 and 404 are the app's.
 */
export async function answer(c: Context, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof EditRefused || error instanceof MergeRefused) return c.json({ error: error.message }, 409);
    if (error instanceof StagedImportRefused) return c.json({ error: error.message, ...(error.issues.length > 0 ? { issues: [...error.issues] } : {}) }, 409);
    if (error instanceof FieldValueInvalid || error instanceof IntakeInvalid) return c.json({ error: 'bad body', issues: [error.message] }, 400);
    if (error instanceof StagedFileInvalid) return c.json({ error: error.message, ...(error.issues.length > 0 ? { issues: [...error.issues] } : {}) }, 400);
    if (error instanceof StagedFileUnsupported) return c.json({ error: error.message }, 415);
    throw error;
  }
}
