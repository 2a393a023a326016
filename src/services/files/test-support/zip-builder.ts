import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-built ZIP; the fields past `data` let a test lie the way attackers do. */
export interface FakeEntry {
  name: string;
  data?: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Size written in the headers instead of the real one. */
  declaredSize?: number;
  /** Unix mode (e.g. 0o120777 for a symlink), written in the external attributes. */
  unixMode?: number;
  /** Point this central-directory record at another entry's local header (overlap). */
  sameLocalAs?: number;
}

function local(name: Buffer, method: number, crc: number, compressed: number, size: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function central(name: Buffer, method: number, crc: number, compressed: number, size: number, offset: number, unixMode?: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(unixMode === undefined ? 20 : 0x0314, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x800, 8);
  h.writeUInt16LE(method, 10);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(unixMode === undefined ? 0 : (unixMode << 16) >>> 0, 38);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/** Builds a ZIP archive in memory from entries, honest unless an entry says otherwise. */
export function buildZip(entries: readonly FakeEntry[]): Buffer {
  const parts: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry) => {
    const name = Buffer.from(entry.name, 'utf8');
    if (entry.sameLocalAs !== undefined) {
      // Reuse the target's directory record under another name: same offset, same sizes.
      const target = records[entry.sameLocalAs] ?? Buffer.alloc(46);
      records.push(central(name, target.readUInt16LE(10), target.readUInt32LE(16), target.readUInt32LE(20), target.readUInt32LE(24), target.readUInt32LE(42), entry.unixMode));
      return;
    }
    const data = entry.data ?? Buffer.alloc(0);
    const body = entry.stored === true ? data : deflateRawSync(data);
    const method = entry.stored === true ? 0 : 8;
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const head = local(name, method, crc, body.length, size);
    records.push(central(name, method, crc, body.length, size, offset, entry.unixMode));
    parts.push(head, body);
    offset += head.length + body.length;
  });
  const cd = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
