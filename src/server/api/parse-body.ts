import type { Context } from 'hono';
import type { z } from 'zod';
import { issuesOf } from './api.schemas.js';

/** A parsed value, or the 400 response to send (naming each bad field). */
export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Parses a JSON body with a strict schema; a missing or malformed body is a 400 too. */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  const raw: unknown = await c.req.json().catch(() => undefined);
  if (raw === undefined) return { ok: false, response: c.json({ error: 'bad body', issues: ['body: expected a JSON object'] }, 400) };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: c.json({ error: 'bad body', issues: issuesOf(parsed.error) }, 400) };
  return { ok: true, data: parsed.data };
}

/** Parses the query string with a strict schema. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<z.output<S>> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) return { ok: false, response: c.json({ error: 'bad query', issues: issuesOf(parsed.error) }, 400) };
  return { ok: true, data: parsed.data };
}
