/** Media types that get a metadata-free derivative (PDFs, archives and others do not). */
export const DERIVABLE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The most pixels (width × height) an evidence image may have: 100 megapixels is above any phone
 * camera's or full-page screenshot's, and bounds what decoding one can cost (~400 MB as RGBA).
 */
export const EVIDENCE_MAX_PIXELS = 100_000_000;

export interface PixelProblem {
  reason: 'no-size' | 'too-many-pixels';
  message: string;
}

/**
 * Why an image of this size is refused, or null when it is accepted (UPLOAD: pixel flood).
 * @example pixelProblem(50_000, 50_000)?.message // 'the image is 50000×50000 pixels (2,500,000,000); at most 100,000,000 are accepted'
 */
export function pixelProblem(width: number | undefined, height: number | undefined, limit = EVIDENCE_MAX_PIXELS): PixelProblem | null {
  if (width === undefined || height === undefined || !Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return { reason: 'no-size', message: 'the image has no readable width and height' };
  }
  const pixels = width * height;
  if (pixels <= limit) return null;
  return { reason: 'too-many-pixels', message: `the image is ${width}×${height} pixels (${pixels.toLocaleString('en-US')}); at most ${limit.toLocaleString('en-US')} are accepted` };
}
