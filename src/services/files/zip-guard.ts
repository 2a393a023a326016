import { crc32, createInflateRaw } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { readRange } from './file-range.js';
import { ArchiveError, checkLocalHeaders, parseCentralDirectory, readEndRecord, type ZipEntry } from './zip-structure.js';

/** Caps on a ZIP (XLSX) archive, checked before exceljs reads it (ARCHIVE-BOMB). */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes, and of the bytes actually inflated. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed/compressed ratio allowed for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxCentralDirectoryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxCentralDirectoryBytes: 16 * 1024 ** 2,
};

const NESTED_NAME = /\.(zip|jar|gz|tgz|bz2|xz|7z|rar|xlsx|xlsm|docx|pptx|odt|ods)$/i;
const NESTED_MAGIC = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x1f, 0x8b]), Buffer.from('7z\xbc\xaf\x27\x1c', 'latin1'), Buffer.from('Rar!')];

function checkDeclared(entries: readonly ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (NESTED_NAME.test(entry.name)) throw new ArchiveError(`the archive holds another archive ("${entry.name}"); nested archives are not accepted`);
    if (entry.uncompressedSize > limits.maxEntryBytes) throw new ArchiveError(`the archive entry "${entry.name}" would inflate to ${entry.uncompressedSize} bytes (limit ${limits.maxEntryBytes})`);
    if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
      throw new ArchiveError(`the archive entry "${entry.name}" is compressed more than ${limits.maxRatio}:1 (a ZIP bomb sign)`);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ArchiveError(`the archive would inflate to more than ${limits.maxTotalBytes} bytes`);
  }
}

/** Inflates one entry, counting bytes: stops as soon as it passes its declared size or the budget. */
async function inflateCounted(handle: FileHandle, entry: ZipEntry, budget: number): Promise<number> {
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw new ArchiveError(`the archive entry "${entry.name}" is damaged`);
    return 0;
  }
  const cap = Math.min(entry.uncompressedSize, budget);
  const source = Readable.from(readRange(handle, entry.dataStart, entry.dataStart + entry.compressedSize));
  const stream = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
  let count = 0;
  let crc = 0;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (head.length < 8) {
        head = Buffer.concat([head, chunk.subarray(0, 8)]);
        if (NESTED_MAGIC.some((m) => head.subarray(0, m.length).equals(m))) throw new ArchiveError(`the archive entry "${entry.name}" is itself an archive; nested archives are not accepted`);
      }
      count += chunk.length;
      if (count > cap) {
        throw new ArchiveError(count > entry.uncompressedSize ? `the archive entry "${entry.name}" inflates to more than its declared ${entry.uncompressedSize} bytes` : 'the archive inflates to more than the size limit');
      }
      crc = crc32(chunk, crc);
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`the archive entry "${entry.name}" cannot be inflated: ${(error as Error).message}`);
  } finally {
    source.destroy();
    if (stream !== source) stream.destroy();
  }
  if (count !== entry.uncompressedSize || crc >>> 0 !== entry.crc32 >>> 0) throw new ArchiveError(`the archive entry "${entry.name}" is damaged (size or checksum mismatch)`);
  return count;
}

/**
 * Checks a ZIP archive against `limits` before anything parses its contents: entry count, declared and
 * compression ratio, names (`..`, absolute), symlinks, overlapping entries, nested archives, then inflates
 * every entry with node:zlib counting the ACTUAL bytes (and checking CRC-32), stopping at the caps.
 */
export async function guardZip(handle: FileHandle, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntry[]> {
  const { size } = await handle.stat();
  const end = await readEndRecord(handle, size);
  if (end.entries > limits.maxEntries) throw new ArchiveError(`the archive has ${end.entries} entries (limit ${limits.maxEntries})`);
  if (end.cdSize > limits.maxCentralDirectoryBytes) throw new ArchiveError('the archive directory is too large');
  const cd = Buffer.alloc(end.cdSize);
  await handle.read(cd, 0, end.cdSize, end.cdOffset);
  const entries = parseCentralDirectory(cd, end.entries);
  checkDeclared(entries, limits);
  await checkLocalHeaders(handle, entries, end.cdOffset);
  let budget = limits.maxTotalBytes;
  for (const entry of entries) budget -= await inflateCounted(handle, entry, budget);
  return entries;
}
