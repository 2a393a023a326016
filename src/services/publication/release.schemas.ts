import { z } from 'zod';

export const cutReleaseSchema = z.object({
  date: z.iso.date('the release date must be yyyy-mm-dd'),
  note: z.string().max(200_000),
  outDir: z.string().min(1),
  privateKeyPem: z.string().min(1),
  actor: z.string().min(1),
  /** Write the site without recording the release (a preview, or a reproducibility check). */
  preview: z.boolean().default(false),
});
export type CutReleaseInput = z.input<typeof cutReleaseSchema>;
