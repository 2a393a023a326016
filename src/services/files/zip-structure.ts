import type { FileHandle } from 'node:fs/promises';

/** A ZIP archive refused before or while it is read; the message says why, for the user. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

/** One entry as the central directory and its local header agree on it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ArchiveError('the ZIP archive is truncated');
  return buf;
}

/** Finds the end-of-central-directory record; it must end the file exactly (no trailing bytes). */
export async function readEndRecord(handle: FileHandle, size: number): Promise<{ entries: number; cdSize: number; cdOffset: number; at: number }> {
  const span = Math.min(size, 22 + MAX_COMMENT);
  const tail = await readAt(handle, size - span, span);
  for (let i = span - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD || i + 22 + tail.readUInt16LE(i + 20) !== span) continue;
    const [disk, cdDisk, onDisk, entries, cdSize, cdOffset] = [
      tail.readUInt16LE(i + 4), tail.readUInt16LE(i + 6), tail.readUInt16LE(i + 8),
      tail.readUInt16LE(i + 10), tail.readUInt32LE(i + 12), tail.readUInt32LE(i + 16),
    ];
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ArchiveError('ZIP64 archives are not accepted');
    if (disk !== 0 || cdDisk !== 0 || onDisk !== entries) throw new ArchiveError('multi-part ZIP archives are not accepted');
    const at = size - span + i;
    if (cdOffset + cdSize !== at) throw new ArchiveError('the ZIP central directory is not where the archive says it is');
    return { entries, cdSize, cdOffset, at };
  }
  throw new ArchiveError('not a ZIP archive (no end of central directory): an XLSX file is a ZIP archive');
}

function checkName(name: string): void {
  if (name === '' || name.includes('\0')) throw new ArchiveError('an entry of the archive has an empty or NUL-containing name');
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) throw new ArchiveError(`the archive entry "${name}" has an absolute path`);
  if (name.split(/[/\\]/).includes('..')) throw new ArchiveError(`the archive entry "${name}" climbs out of its folder with ".."`);
}

/** Parses and checks the central directory: names, symlinks, encryption, methods, duplicate names. */
export function parseCentralDirectory(cd: Buffer, count: number): (ZipEntry & { nameBytes: Buffer })[] {
  const entries: (ZipEntry & { nameBytes: Buffer })[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ArchiveError('the ZIP central directory is damaged');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const nameLength = cd.readUInt16LE(p + 28);
    const end = p + 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    if (end > cd.length) throw new ArchiveError('the ZIP central directory is damaged');
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLength);
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    checkName(name);
    if (names.has(name)) throw new ArchiveError(`the archive holds two entries named "${name}"`);
    names.add(name);
    const unix = cd.readUInt8(p + 5) === 3;
    if (unix && ((cd.readUInt32LE(p + 38) >>> 16) & 0o170000) === 0o120000) throw new ArchiveError(`the archive entry "${name}" is a symbolic link`);
    if (flags & 0x1) throw new ArchiveError(`the archive entry "${name}" is encrypted`);
    if (method !== 0 && method !== 8) throw new ArchiveError(`the archive entry "${name}" uses compression method ${method}; only deflate is accepted`);
    const entry = {
      name, nameBytes, method, flags,
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      dataStart: 0,
    };
    if ([entry.compressedSize, entry.uncompressedSize, entry.localOffset].includes(0xffffffff)) throw new ArchiveError('ZIP64 archives are not accepted');
    if (method === 0 && entry.compressedSize !== entry.uncompressedSize) throw new ArchiveError(`the archive entry "${name}" has inconsistent sizes`);
    entries.push(entry);
    p = end;
  }
  if (p !== cd.length) throw new ArchiveError('the ZIP central directory is damaged');
  return entries;
}

/**
 * Reads each local header, checks it agrees with the central directory, and checks the entries tile the
 * file from byte 0 to the central directory with no overlap and no gap, so a streaming reader (exceljs
 * reads local headers in order) sees exactly the entries that were checked.
 */
export async function checkLocalHeaders(handle: FileHandle, entries: (ZipEntry & { nameBytes: Buffer })[], cdOffset: number): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of sorted) {
    if (entry.localOffset < expected) throw new ArchiveError(`the archive entry "${entry.name}" overlaps another entry (a ZIP bomb technique)`);
    if (entry.localOffset > expected) throw new ArchiveError(`the archive has unlisted bytes before entry "${entry.name}"`);
    if (entry.localOffset + 30 > cdOffset) throw new ArchiveError(`the archive entry "${entry.name}" points past its data`);
    const head = await readAt(handle, entry.localOffset, 30);
    const nameLength = head.readUInt16LE(26);
    const localName = await readAt(handle, entry.localOffset + 30, nameLength);
    const sizesInDescriptor = (head.readUInt16LE(6) & 0x8) !== 0;
    const localCompressed = head.readUInt32LE(18);
    if (
      head.readUInt32LE(0) !== LOCAL ||
      !localName.equals(entry.nameBytes) ||
      head.readUInt16LE(8) !== entry.method ||
      (sizesInDescriptor ? localCompressed !== 0 && localCompressed !== entry.compressedSize : localCompressed !== entry.compressedSize || head.readUInt32LE(22) !== entry.uncompressedSize)
    ) {
      throw new ArchiveError(`the archive entry "${entry.name}" does not match its directory record`);
    }
    entry.dataStart = entry.localOffset + 30 + nameLength + head.readUInt16LE(28);
    expected = entry.dataStart + entry.compressedSize;
    if (expected > cdOffset) throw new ArchiveError(`the archive entry "${entry.name}" overlaps the central directory`);
    if (sizesInDescriptor) {
      const signed = expected + 4 <= cdOffset && (await readAt(handle, expected, 4)).readUInt32LE(0) === DESCRIPTOR;
      expected += signed ? 16 : 12;
    }
  }
  if (expected !== cdOffset) throw new ArchiveError(expected > cdOffset ? 'the archive entries overlap the central directory' : 'the archive has unlisted bytes before its central directory');
}
