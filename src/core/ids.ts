import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;
let timeHex = '';
// Random bits are drawn in blocks and kept as hex: one system call and one hex conversion per 1,024 ids.
const POOL_BYTES = 8 * 1024;
let poolHex = '';
let offset = 0;

/** `count` random hex digits. */
function randomHex(count: number): string {
  if (offset + count > poolHex.length) {
    poolHex = randomBytes(POOL_BYTES).toString('hex');
    offset = 0;
  }
  const out = poolHex.slice(offset, offset + count);
  offset += count;
  return out;
}

const VARIANT = ['8', '9', 'a', 'b'];

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond time, then a 12-bit counter (method 1), then random bits.
 * Ids made in one process sort in creation order, and registers made on different laptops merge without clashes.
 * @example newId() // '01929c4e-7b7a-7c3e-9f3a-2b1c0d9e8f7a'
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = parseInt(randomHex(3), 16) & 0x3ff; // start low so a millisecond has room to count
    timeHex = '';
  } else {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
      timeHex = '';
    }
  }
  if (timeHex === '') timeHex = lastMs.toString(16).padStart(12, '0').slice(-12);
  const random = randomHex(16);
  const variant = VARIANT[parseInt(random.charAt(0), 16) & 0x3] ?? '8';
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${variant}${random.slice(1, 4)}-${random.slice(4)}`;
}
