// What an unexpected error leaves in the log (LOGS-ERRORS): enough to find the fault, nothing of the data that
// caused it. Database errors quote values ("Failing row contains (…)", `invalid input syntax …: "…"`), and a
// value may be a source's URL, an author or a person's name; so details are dropped and quoted text is
// blanked, except the names of the table, column and constraint the database itself reports.

const QUOTED = /"[^"\n]*"|'[^'\n]*'|«[^»\n]*»|\([^()\n]*\)/g;
const IDENTIFIER_FIELDS = ['table', 'column', 'constraint', 'schema'] as const;
const SAFE_CODE = /^[A-Za-z0-9_]{1,40}$/;

function redact(text: string, keep: ReadonlySet<string>): string {
  return text.replace(QUOTED, (m) => (keep.has(m.slice(1, -1)) ? m : `${m[0] ?? ''}…${m.at(-1) ?? ''}`)).slice(0, 500);
}

/**
 * An error as the server log may hold it: type, code, the database's identifiers, the message with quoted and
 * parenthesised text blanked, the stack frames (code locations, never values). Log it under a key of its own
 * (not pino's `err`, whose serializer would add the error's other properties back).
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Partial<Record<(typeof IDENTIFIER_FIELDS)[number] | 'code', unknown>>;
  const out: Record<string, unknown> = { type: e.name };
  const keep = new Set<string>();
  for (const field of IDENTIFIER_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' && SAFE_CODE.test(value)) {
      out[field] = value;
      keep.add(value);
    }
  }
  if (typeof e.code === 'string' && SAFE_CODE.test(e.code)) out.code = e.code;
  out.message = redact(e.message, keep);
  // The frames only: the stack's first lines repeat the message unredacted.
  const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  if (frames.length > 0) out.stack = frames.slice(0, 15).map((f) => f.trim()).join('\n');
  return out;
}
