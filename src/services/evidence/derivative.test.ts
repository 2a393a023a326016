import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDerivative } from './derivative.js';
import { EvidenceRefused } from './evidence-refused.js';
import { jpegRotated, jpegWithGps, pngFloodHeader, pngWithText, webpWithExif } from './test-images.js';

const MARKER = 'SYNTHETIC-CANARY-5e1d';
const dir = mkdtempSync(join(tmpdir(), 'reckon-derivative-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function derive(name: string, bytes: Buffer, type: string): Promise<{ out: Buffer; input: Buffer }> {
  const input = join(dir, name);
  writeFileSync(input, bytes);
  await writeDerivative(input, type, `${input}.derived`);
  return { out: readFileSync(`${input}.derived`), input: readFileSync(input) };
}

describe('metadata-free derivatives of evidence images (EV-ORIGINALS, UPLOAD)', () => {
  it.each([
    ['a JPEG with EXIF GPS, XMP and a comment', 'photo.jpg', jpegWithGps, 'image/jpeg', 'jpeg'],
    ['a PNG with tEXt, iTXt and eXIf chunks', 'shot.png', pngWithText, 'image/png', 'png'],
    ['a WebP with EXIF and XMP', 'shot.webp', webpWithExif, 'image/webp', 'webp'],
  ] as const)('%s: the copy carries none of it, still decodes at the same size, and the original is untouched', async (_label, name, make, type, format) => {
    const original = await make(MARKER);
    const before = await sharp(original).metadata();
    expect([before.exif, before.xmp, before.comments].some((m) => m !== undefined), 'the fixture really carries metadata').toBe(true);
    expect(original.includes(MARKER)).toBe(true);
    const { out, input } = await derive(name, original, type);
    expect(input.equals(original)).toBe(true);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe(format);
    expect([meta.width, meta.height]).toEqual([before.width, before.height]);
    expect({ exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, comments: meta.comments }).toEqual({ exif: undefined, xmp: undefined, iptc: undefined, icc: undefined, comments: undefined });
    expect(out.includes(MARKER)).toBe(false);
    expect(out.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    const pixels = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(pixels.info.width * pixels.info.height).toBe(before.width * before.height);
  });

  it('turns a photo upright by its EXIF orientation, since the orientation tag itself is dropped', async () => {
    const { out } = await derive('rotated.jpg', await jpegRotated(), 'image/jpeg');
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([40, 60, undefined]);
  });

  it('refuses a pixel flood (50,000 × 50,000 declared) from its header, naming the size, and writes nothing', async () => {
    const input = join(dir, 'flood.png');
    writeFileSync(input, pngFloodHeader());
    const refused = await writeDerivative(input, 'image/png', `${input}.derived`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EvidenceRefused);
    expect(refused).toMatchObject({ reason: 'too-many-pixels', message: 'the image is 50000×50000 pixels (2,500,000,000); at most 100,000,000 are accepted' });
    expect(existsSync(`${input}.derived`)).toBe(false);
  });

  it('refuses bytes that start like a PNG but are not an image, without naming any file', async () => {
    const input = join(dir, 'polyglot.png');
    writeFileSync(input, Buffer.concat([pngFloodHeader().subarray(0, 8), Buffer.from('<script>alert(1)</script>')]));
    const refused = await writeDerivative(input, 'image/png', `${input}.derived`).catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'unreadable-image', message: 'the file starts like image/png but is not a readable image' });
    expect((refused as Error).message).not.toContain(dir);
  });
});
