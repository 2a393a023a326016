import { z } from 'zod';
import { VERIFICATION_STATES } from '../../core/record/record.schemas.js';

export const personListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  verification: z.enum(VERIFICATION_STATES).optional(),
  region: z.string().max(20).optional(),
  category: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PersonListQuery = z.input<typeof personListQuerySchema>;

/** A person as lists show it. */
export interface PersonSummary {
  id: string;
  name: string;
  birth: string | null;
  death: string | null;
  region: string;
  category: string;
  status: string;
  verification: string;
}
