import type { FileHandle } from 'node:fs/promises';

/**
 * Reads bytes [start, end) of an open file in chunks by position. Unlike FileHandle.createReadStream,
 * stopping early never closes the handle, so one open file serves the ZIP checks and then exceljs.
 */
export async function* readRange(handle: FileHandle, start: number, end: number, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
  let position = start;
  while (position < end) {
    const buf = Buffer.allocUnsafe(Math.min(chunkSize, end - position));
    const { bytesRead } = await handle.read(buf, 0, buf.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}
