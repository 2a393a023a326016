import { MergeRefused } from '../../services/review/merge.service.js';

/** A refused merge or split is a 409 with the service's reason; anything else goes on. */
export async function refusedAs409(c: { json: (b: unknown, s: 409) => Response }, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MergeRefused) return c.json({ error: error.message }, 409);
    throw error;
  }
}
