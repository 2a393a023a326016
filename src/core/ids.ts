import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;
// Random bytes are drawn in blocks: one system call per 512 ids instead of one each.
const POOL = 16 * 512;
let pool = randomBytes(POOL);
let offset = 0;

function random16(): Buffer {
  if (offset + 16 > POOL) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return out;
}

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond time, then a 12-bit counter (method 1), then random bits.
 * Ids made in one process sort in creation order, and registers made on different laptops merge without clashes.
 * @example newId() // '01929c4e-7b7a-7c3e-9f3a-2b1c0d9e8f7a'
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = random16().readUInt16BE(0) & 0x3ff; // start low so a millisecond has room to count
  } else {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  }
  const bytes = random16();
  const ms = BigInt(lastMs);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
