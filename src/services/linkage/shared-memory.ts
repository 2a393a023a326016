/** Typed arrays that can sit in shared memory. */
export type SharableArray = Int8Array | Uint8Array | Int16Array | Int32Array | Float64Array;

/** A zero-filled Int32Array in shared memory: worker threads read it without a copy. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/** A copy of a typed array in shared memory (the array itself when it is already shared). */
export function shared<T extends SharableArray>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new ctor(new SharedArrayBuffer(array.byteLength));
  out.set(array);
  return out;
}
