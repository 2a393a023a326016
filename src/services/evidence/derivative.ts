import sharp, { type Metadata, type Sharp } from 'sharp';
import { EVIDENCE_MAX_PIXELS, pixelProblem } from '../../core/evidence/image-limits.js';
import { EvidenceRefused } from './evidence-refused.js';

export interface Derivative {
  width: number;
  height: number;
}

function encoder(image: Sharp, mediaType: string): Sharp {
  switch (mediaType) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90 });
    case 'image/png':
      return image.png();
    case 'image/webp':
      return image.webp({ quality: 90 });
    default:
      throw new Error(`no derivative for ${mediaType}`);
  }
}

/**
 * Writes the working copy of an evidence image (EV-ORIGINALS): decoded and re-encoded in the same format,
 * turned upright by its EXIF orientation, with no EXIF, XMP, IPTC, ICC profile, comments or text chunks
 * (sharp keeps none unless asked). Images over EVIDENCE_MAX_PIXELS are refused from their header alone,
 * before any pixel is decoded (pixel flood); so are files that do not decode. The input is only read.
 */
export async function writeDerivative(input: string, mediaType: string, output: string): Promise<Derivative> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new EvidenceRefused('unreadable-image', `the file starts like ${mediaType} but is not a readable image`);
  }
  const problem = pixelProblem(meta.width, meta.height);
  if (problem !== null) throw new EvidenceRefused(problem.reason === 'too-many-pixels' ? 'too-many-pixels' : 'unreadable-image', problem.message);
  try {
    // failOn 'error': damaged or truncated pixel data is refused; mere decoder warnings (common in camera JPEGs) are not.
    const image = sharp(input, { limitInputPixels: EVIDENCE_MAX_PIXELS, failOn: 'error', autoOrient: true });
    const info = await encoder(image, mediaType).toFile(output);
    return { width: info.width, height: info.height };
  } catch {
    // sharp's message can name the temporary file; the uploader needs only the reason.
    throw new EvidenceRefused('unreadable-image', `the file starts like ${mediaType} but its image data cannot be decoded`);
  }
}
