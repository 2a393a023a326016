const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;

function next(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

/**
 * Parses comma-separated text of the plain kind (LF line ends, quotes only around whole fields) about ten
 * times faster than csv-parse, giving exactly what csv-parse gives with the options `reckon link` reads
 * with (`bom`, `relax_column_count`, `skip_empty_lines`, `relax_quotes`). Anything else (CR line ends, a quote
 * inside an unquoted field, text after a closing quote, an unclosed quote, a lone quoted empty line) returns
 * null, and the caller parses with csv-parse.
 */
export function parseCsvStrict(text: string, bom = true): string[][] | null {
  if (text.includes('\r')) return null;
  const n = text.length;
  let p = bom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const records: string[][] = [];
  let comma = -1;
  let newline = -1;
  let quote = -1;
  while (p < n) {
    if (text.charCodeAt(p) === NEWLINE) {
      p++;
      continue;
    }
    const row: string[] = [];
    let quotedOnly = false;
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        let value = '';
        let q = p + 1;
        for (;;) {
          const close = text.indexOf('"', q);
          if (close === -1) return null;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(q, close + 1);
            q = close + 2;
            continue;
          }
          value += text.slice(q, close);
          p = close + 1;
          break;
        }
        row.push(value);
        quotedOnly = row.length === 1 && value === '';
        const c = p < n ? text.charCodeAt(p) : NEWLINE;
        if (c === COMMA) {
          p++;
          continue;
        }
        if (c !== NEWLINE) return null;
        p++;
        break;
      }
      if (comma < p) comma = next(text, ',', p);
      if (newline < p) newline = next(text, '\n', p);
      if (quote < p) quote = next(text, '"', p);
      const end = Math.min(comma, newline);
      if (quote < end) return null;
      row.push(text.slice(p, end));
      quotedOnly = false;
      p = end + 1;
      if (end !== comma || end >= n) break;
    }
    if (quotedOnly && row.length === 1) return null;
    records.push(row);
  }
  return records;
}

/**
 * Offsets that cut UTF-8 CSV bytes into about `parts` pieces at record boundaries: after a line feed with an
 * even number of quote bytes before it (outside any quoted field, as long as the text is of the plain kind
 * `parseCsvStrict` reads; each piece is checked by parsing it strictly). Starts with 0, ends with the length.
 */
export function splitRecords(bytes: Uint8Array, from: number, parts: number): number[] {
  const cuts = [from];
  let quotes = 0;
  let scanned = from;
  for (let k = 1; k < parts; k++) {
    const target = Math.max(from + Math.floor(((bytes.length - from) * k) / parts), cuts[cuts.length - 1] ?? from);
    for (; scanned < target; scanned++) if (bytes[scanned] === QUOTE) quotes++;
    let at = -1;
    for (let i = scanned; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === QUOTE) quotes++;
      else if (b === NEWLINE && quotes % 2 === 0) {
        at = i + 1;
        scanned = at;
        break;
      }
    }
    if (at === -1 || at >= bytes.length) break;
    cuts.push(at);
  }
  cuts.push(bytes.length);
  return cuts;
}

/** Offset just past the first record (the header) of UTF-8 CSV bytes, or -1 when it does not end in a line feed. */
export function firstRecordEnd(bytes: Uint8Array): number {
  let quotes = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quotes++;
    else if (b === NEWLINE && quotes % 2 === 0) return i + 1;
  }
  return -1;
}
