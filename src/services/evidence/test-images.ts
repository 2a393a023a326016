import { crc32 } from 'node:zlib';
import sharp from 'sharp';

// Test support: synthetic images carrying the metadata a real photo can leak (EXIF with a GPS position,
// XMP, comments, PNG text chunks), and pixel-flood headers. Every marker is made up.

/** A little-endian TIFF block: IFD0 (description, artist, a GPS pointer) and a GPS IFD at 55.75 N, 37.62 E. */
export function exifWithGps(marker: string): Buffer {
  const description = Buffer.from(`${marker}-description\0`, 'latin1');
  const artist = Buffer.from(`${marker}-artist\0`, 'latin1');
  const ifd0 = 8;
  const gps = ifd0 + 2 + 3 * 12 + 4;
  const data = gps + 2 + 4 * 12 + 4;
  const at = { description: data, artist: data + description.length, lat: data + description.length + artist.length };
  const lon = at.lat + 24;
  const out = Buffer.alloc(lon + 24);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifd0, 4);
  const entry = (offset: number, tag: number, type: number, count: number, value: number | string): void => {
    out.writeUInt16LE(tag, offset);
    out.writeUInt16LE(type, offset + 2);
    out.writeUInt32LE(count, offset + 4);
    if (typeof value === 'string') out.write(value, offset + 8, 'latin1');
    else out.writeUInt32LE(value, offset + 8);
  };
  out.writeUInt16LE(3, ifd0);
  entry(ifd0 + 2, 0x010e, 2, description.length, at.description); // ImageDescription
  entry(ifd0 + 14, 0x013b, 2, artist.length, at.artist); // Artist
  entry(ifd0 + 26, 0x8825, 4, 1, gps); // GPSInfo
  out.writeUInt16LE(4, gps);
  entry(gps + 2, 0x0001, 2, 2, 'N\0'); // GPSLatitudeRef
  entry(gps + 14, 0x0002, 5, 3, at.lat); // GPSLatitude
  entry(gps + 26, 0x0003, 2, 2, 'E\0'); // GPSLongitudeRef
  entry(gps + 38, 0x0004, 5, 3, lon); // GPSLongitude
  description.copy(out, at.description);
  artist.copy(out, at.artist);
  const rationals = (offset: number, values: number[]): void => {
    values.forEach((v, i) => {
      out.writeUInt32LE(v, offset + i * 8);
      out.writeUInt32LE(1, offset + i * 8 + 4);
    });
  };
  rationals(at.lat, [55, 45, 0]);
  rationals(lon, [37, 37, 0]);
  return out;
}

const xmpPacket = (marker: string): string =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${marker}-xmp"/></rdf:RDF></x:xmpmeta>`;

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A 64×48 JPEG with an EXIF block (GPS position, description, artist), an XMP packet and a comment, all carrying `marker`. */
export async function jpegWithGps(marker: string): Promise<Buffer> {
  const plain = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
  const exif = jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps(marker)]));
  const xmp = jpegSegment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmpPacket(marker), 'latin1')]));
  const comment = jpegSegment(0xfe, Buffer.from(`${marker}-comment`, 'latin1'));
  return Buffer.concat([plain.subarray(0, 2), exif, xmp, comment, plain.subarray(2)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

/** A 40×30 PNG with tEXt, iTXt and eXIf chunks carrying `marker`. */
export async function pngWithText(marker: string): Promise<Buffer> {
  const plain = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 90, b: 160 } } }).png().toBuffer();
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const chunks = [
    pngChunk('tEXt', Buffer.from(`Comment\0${marker}-text`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmpPacket(marker)}`, 'latin1')),
    pngChunk('eXIf', exifWithGps(marker)),
  ];
  return Buffer.concat([plain.subarray(0, ihdrEnd), ...chunks, plain.subarray(ihdrEnd)]);
}

/** A 32×32 WebP with EXIF and XMP carrying `marker`. */
export async function webpWithExif(marker: string): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 0, g: 160, b: 60 } } })
    .webp()
    .withExif({ IFD0: { ImageDescription: `${marker}-description`, Artist: `${marker}-artist` } })
    .withXmp(xmpPacket(marker))
    .toBuffer();
}

/** A 60×40 JPEG whose EXIF says "rotate 90° clockwise to view" (orientation 6). */
export function jpegRotated(): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 90, g: 90, b: 90 } } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

/** A pixel flood: a PNG whose header declares width × height (default 50,000 × 50,000) over a few bytes of data. */
export function pngFloodHeader(width = 50_000, height = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A valid 1×1 PNG (the smallest real screenshot). */
export function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 1, height: 1, channels: 3, background: { r: 255, g: 255, b: 255 } } }).png().toBuffer();
}
