import { isUtf8 } from 'node:buffer';

/** Text that is not valid UTF-8, located by byte offset and line. */
export class Utf8Error extends Error {
  override readonly name = 'Utf8Error';
  constructor(
    readonly offset: number,
    readonly line: number,
    readonly byte: number | undefined,
  ) {
    const what = byte === undefined ? `at byte offset ${offset}` : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset}`;
    super(`line ${line}: the file is not valid UTF-8 (${what}); if it was saved as Windows-1251 or another code page, save it again as "CSV UTF-8"`);
  }
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 if it is invalid or cut off. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i] ?? 0;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    const c = buf[i + k];
    if (c === undefined) return 0;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

function firstInvalid(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const n = sequenceLength(buf, i);
    if (n === 0) return i;
    i += n;
  }
  return buf.length;
}

/** Where a chunk can be cut so that no character is split: before a trailing incomplete sequence. */
function completeEnd(buf: Uint8Array): number {
  for (let i = buf.length - 1; i >= 0 && i >= buf.length - 4; i--) {
    const b = buf[i] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const want = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return buf.length - i < want ? i : buf.length;
  }
  return buf.length;
}

function countLines(buf: Uint8Array, end: number): number {
  let lines = 0;
  for (let at = buf.indexOf(10); at >= 0 && at < end; at = buf.indexOf(10, at + 1)) lines++;
  return lines;
}

/**
 * Passes a byte stream on in pieces cut at character boundaries, after checking it is strict UTF-8.
 * Throws Utf8Error naming the line of the first bad byte, so a Windows-1251 file is refused with a
 * clear message instead of read as mojibake.
 */
export async function* validUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let tail: Buffer = Buffer.alloc(0);
  let offset = 0;
  let lines = 0;
  for await (const chunk of chunks) {
    const buf = tail.length > 0 ? Buffer.concat([tail, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = completeEnd(buf);
    if (!isUtf8(buf.subarray(0, end))) {
      const bad = firstInvalid(buf);
      throw new Utf8Error(offset + bad, lines + countLines(buf, bad) + 1, buf[bad]);
    }
    lines += countLines(buf, end);
    offset += end;
    tail = Buffer.from(buf.subarray(end));
    if (end > 0) yield buf.subarray(0, end);
  }
  if (tail.length > 0) throw new Utf8Error(offset, lines + 1, tail[0]);
}
