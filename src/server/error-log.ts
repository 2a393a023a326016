// What an unexpected error leaves in the log (LOGS-ERRORS): enough to find the fault, nothing of the data that
// caused it. Database errors quote values ("Failing row contains (…)", `invalid input syntax …: "…"`), and a
// value may be a source's URL, an author or a person's name; so details are dropped and quoted or bracketed
// text is blanked (identifiers too: the table, column and constraint the database reports are logged apart).

// From the first opening quote or bracket to the last closing one, across lines: a value may itself hold quotes,
// brackets or line breaks, so nothing between them is kept.
const QUOTED = /["'«(][\s\S]*["'»)]/;
const IDENTIFIER_FIELDS = ['table', 'column', 'constraint', 'schema'] as const;
const SAFE_CODE = /^[A-Za-z0-9_]{1,40}$/;

function redact(text: string): string {
  return text.replace(QUOTED, '«…»').replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * An error as the server log may hold it: type, code, the database's identifiers, the message with everything
 * from its first quote or bracket to its last blanked, the stack frames (code locations, never values). Log it
 * under a key of its own (not pino's `err`, whose serializer would add the error's other properties back).
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Partial<Record<(typeof IDENTIFIER_FIELDS)[number] | 'code', unknown>>;
  const out: Record<string, unknown> = { type: e.name };
  for (const field of IDENTIFIER_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' && SAFE_CODE.test(value)) out[field] = value;
  }
  if (typeof e.code === 'string' && SAFE_CODE.test(e.code)) out.code = e.code;
  out.message = redact(e.message);
  // The frames only: the stack's first lines repeat the message unredacted.
  const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  if (frames.length > 0) out.stack = frames.slice(0, 15).map((f) => f.trim()).join('\n');
  return out;
}
