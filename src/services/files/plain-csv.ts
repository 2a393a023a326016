const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A cell as a string of its own. V8 makes a slice of 13 or more characters a view into the whole text it was cut
 * from, so one kept cell (a record id in a set, a value quoted in a problem) would keep the whole chunk alive
 * and memory would grow with the file. Prefixing a character makes V8 copy the cell into a new flat string,
 * and the slice after it is a view into that copy alone.
 */
function own(cell: string): string {
  return cell.length < 13 ? cell : (' ' + cell).slice(1);
}

/** Longest record the fast path parses; longer ones go to csv-parse, which enforces the real limit. */
const MAX_PLAIN_RECORD = 100_000;

export interface PlainParse {
  /** Records parsed, in order. */
  records: string[][];
  /** Offset just past the last record parsed (the next record starts here). */
  end: number;
  /** True when the text at `end` is of a kind this parser leaves to csv-parse: hand everything from `end` on to it. */
  handOver: boolean;
  /** The line ending the text uses once known ('\n' or '\r\n'); pass it back in for the next piece. */
  lineEnd: '\n' | '\r\n' | null;
}

/**
 * Parses the complete records of CSV text of the plain kind — one line ending throughout (LF or CRLF), quotes
 * only around whole cells, no bare CR — giving exactly what csv-parse gives with the options the record reader
 * uses (`bom`, `relax_quotes`, `relax_column_count`, `skip_empty_lines: false`: an empty line is a record of one
 * empty cell). It stops at the first record that is not plain (a quote inside an unquoted cell, text after a
 * closing quote, a second kind of line ending, a bare CR, a very long record) and says so with `handOver`, so
 * the caller parses the rest with csv-parse. Without `final`, text after the last line ending is left unparsed
 * (it may continue in the next piece).
 * @example parsePlainCsv('a,b\n"c ""d""",e\n', ',', true, null).records // [['a','b'],['c "d"','e']]
 */
export function parsePlainCsv(text: string, delimiter: string, final: boolean, lineEnd: '\n' | '\r\n' | null): PlainParse {
  const records: string[][] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let mode = lineEnd;
  let start = 0;
  const stop = (handOver: boolean): PlainParse => ({ records, end: start, handOver, lineEnd: mode });
  while (start < n) {
    const row: string[] = [];
    let p = start;
    let ended = false;
    for (;;) {
      if (p - start > MAX_PLAIN_RECORD) return stop(true);
      if (p < n && text.charCodeAt(p) === QUOTE) {
        let value = '';
        let q = p + 1;
        for (;;) {
          const close = text.indexOf('"', q);
          if (close === -1) return stop(final || n - start > MAX_PLAIN_RECORD);
          if (close + 1 >= n && !final) return stop(false);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(q, close + 1);
            q = close + 2;
            continue;
          }
          value += text.slice(q, close);
          p = close + 1;
          break;
        }
        row.push(own(value));
      } else {
        let e = p;
        while (e < n) {
          const c = text.charCodeAt(e);
          if (c === d || c === LF || c === CR || c === QUOTE) break;
          e++;
        }
        if (e < n && text.charCodeAt(e) === QUOTE) return stop(true);
        row.push(own(text.slice(p, e)));
        p = e;
      }
      if (p >= n) {
        if (!final) return stop(false);
        ended = true;
        break;
      }
      const c = text.charCodeAt(p);
      if (c === d) {
        p++;
        continue;
      }
      if (c === LF) {
        if (mode === '\r\n') return stop(true);
        mode = '\n';
        p++;
        break;
      }
      if (c === CR) {
        if (p + 1 >= n && !final) return stop(false);
        if (mode === '\n' || text.charCodeAt(p + 1) !== LF) return stop(true);
        mode = '\r\n';
        p += 2;
        break;
      }
      return stop(true);
    }
    records.push(row);
    start = p;
    if (ended) break;
  }
  return { records, end: start, handOver: false, lineEnd: mode };
}
