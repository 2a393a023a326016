import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Error, validUtf8 } from './utf8-decode.js';

async function* pieces(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.subarray(at, Math.max(at, cut));
    at = Math.max(at, cut);
  }
  yield bytes.subarray(at);
  await Promise.resolve();
}

async function joined(bytes: Buffer, cuts: number[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const b of validUtf8(pieces(bytes, cuts))) out.push(b);
  return Buffer.concat(out);
}

describe('UTF-8 validation', () => {
  it('passes any valid text through unchanged, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.nat({ max: 160 }), { maxLength: 6 }), async (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        expect((await joined(bytes, cuts)).equals(bytes)).toBe(true);
      }),
    );
  });

  it('refuses any byte sequence Node would not decode losslessly, naming its line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 40 }), fc.array(fc.nat({ max: 40 }), { maxLength: 4 }), async (raw, cuts) => {
        const bytes = Buffer.from(raw);
        const lossless = Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
        const result = await joined(bytes, cuts).then(
          () => 'ok',
          (e: unknown) => e,
        );
        if (lossless) expect(result).toBe('ok');
        else {
          expect(result).toBeInstanceOf(Utf8Error);
          const newlinesBefore = bytes.subarray(0, (result as Utf8Error).offset).filter((b) => b === 10).length;
          expect((result as Utf8Error).line).toBe(newlinesBefore + 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
