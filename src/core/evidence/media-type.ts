/**
 * The media type of evidence bytes from their first bytes (magic numbers), never from the file name.
 * @example sniffMediaType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffMediaType(head: Uint8Array): string {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return 'application/zip';
  if (b.length >= 4 && b.toString('latin1', 0, 4) === 'WARC') return 'application/warc';
  return 'application/octet-stream';
}
