/** Splits a whitespace-separated list written as one string (keeps data tables compact and diffable). */
export function words(text: string): string[] {
  return text.trim().split(/\s+/u);
}

/** Parses `key:a,b key2:c` into a map from key to its values. */
export function table(text: string): Readonly<Record<string, readonly string[]>> {
  const out: Record<string, readonly string[]> = {};
  for (const entry of words(text)) {
    const [key, values] = entry.split(':');
    if (key && values) out[key] = values.split(',');
  }
  return out;
}
