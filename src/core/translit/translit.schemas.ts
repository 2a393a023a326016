import { z } from 'zod';

const mappingSchema = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});

/** One iuliia transliteration schema definition (the JSON files in ./schemas, MIT, Anton Zhiyanov). */
export const schemeDefinitionSchema = z.object({
  name: z.string(),
  description: z.string(),
  mapping: mappingSchema,
  prev_mapping: mappingSchema,
  next_mapping: mappingSchema,
  ending_mapping: mappingSchema,
  samples: z.array(z.tuple([z.string(), z.string()])),
});

export type SchemeDefinition = z.infer<typeof schemeDefinitionSchema>;

/** Name parts the canonical key knows about. */
export const namePartSchema = z.enum(['surname', 'given', 'patronymic']);

export type NamePart = z.infer<typeof namePartSchema>;
