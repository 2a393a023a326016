import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readRecordFile } from './record-file-reader.js';
import { writeRecords } from './record-writer.js';
import { collect, tempFiles } from './test-support/temp-dir.js';
import { buildZip, type FakeEntry } from './test-support/zip-builder.js';
import { DEFAULT_ZIP_LIMITS, guardZip, type ZipLimits } from './zip-guard.js';

const files = tempFiles();
const MB = 1024 * 1024;
let n = 0;

/** Runs guardZip on a built archive; returns its refusal message, how long it took and the RSS growth. */
async function refusal(entries: FakeEntry[] | Buffer, limits: Partial<ZipLimits> = {}): Promise<{ message: string; ms: number; rssGrowth: number }> {
  const path = files.write(`hostile-${++n}.xlsx`, Buffer.isBuffer(entries) ? entries : buildZip(entries));
  const handle = await open(path, 'r');
  const rss = process.memoryUsage().rss;
  // CPU time of this worker, so a busy machine does not fail the test and a runaway inflate does.
  const started = process.cpuUsage();
  try {
    await guardZip(handle, { ...DEFAULT_ZIP_LIMITS, ...limits });
  } catch (error) {
    return { message: (error as Error).message, ms: (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1000, rssGrowth: process.memoryUsage().rss - rss };
  } finally {
    await handle.close();
  }
  throw new Error('the archive was accepted');
}

const zeros = (size: number): Buffer => Buffer.alloc(size);

describe('ARCHIVE-BOMB: hostile ZIPs are refused quickly and cheaply', () => {
  it('refuses an overlapping-entry bomb (1000 records over one 1 MB kernel, ~1 GB declared)', async () => {
    const entries: FakeEntry[] = [{ name: 'kernel', data: zeros(MB) }, ...Array.from({ length: 999 }, (_, i) => ({ name: `f${i}`, sameLocalAs: 0 }))];
    const result = await refusal(entries);
    expect(result.message).toMatch(/overlaps another entry/);
    expect(result.ms).toBeLessThan(1000);
    expect(result.rssGrowth).toBeLessThan(100 * MB);
  });

  it('refuses a nested archive by name and by content', async () => {
    const inner = buildZip([{ name: 'bomb', data: zeros(MB) }]);
    expect((await refusal([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }, { name: 'xl/embeddings/inner.zip', data: inner }])).message).toMatch(/nested archives are not accepted/);
    const disguised = await refusal([{ name: 'xl/media/image1.png', data: inner }]);
    expect(disguised.message).toMatch(/"xl\/media\/image1.png" is itself an archive/);
    expect(disguised.ms).toBeLessThan(1000);
  });

  it('refuses zip-slip and absolute entry names', async () => {
    expect((await refusal([{ name: '../../evil.sh', data: Buffer.from('x') }])).message).toMatch(/climbs out of its folder/);
    expect((await refusal([{ name: 'xl/..\\..\\evil', data: Buffer.from('x') }])).message).toMatch(/climbs out/);
    expect((await refusal([{ name: '/etc/cron.d/x', data: Buffer.from('x') }])).message).toMatch(/absolute path/);
    expect((await refusal([{ name: 'C:\\x', data: Buffer.from('x') }])).message).toMatch(/absolute path/);
  });

  it('refuses a symbolic link entry', async () => {
    expect((await refusal([{ name: 'xl/link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }])).message).toMatch(/is a symbolic link/);
  });

  it('stops inflating an entry that lies about its size, before it grows', async () => {
    const result = await refusal([{ name: 'xl/worksheets/sheet1.xml', data: zeros(50 * MB), declaredSize: 1000 }]);
    expect(result.message).toMatch(/inflates to more than its declared 1000 bytes/);
    expect(result.ms).toBeLessThan(1000);
    expect(result.rssGrowth).toBeLessThan(100 * MB);
  });

  it('refuses archives over the declared-size, ratio and entry-count caps', async () => {
    expect((await refusal([{ name: 'a', data: zeros(20 * MB) }])).message).toMatch(/compressed more than 200:1/);
    expect((await refusal([{ name: 'a', data: Buffer.from('abcdefgh'.repeat(1000)) }, { name: 'b', data: Buffer.from('x') }], { maxTotalBytes: 8000 })).message).toMatch(/more than 8000 bytes/);
    const many = Array.from({ length: 10_001 }, (_, i): FakeEntry => ({ name: `e${i}`, stored: true }));
    expect((await refusal(many)).message).toMatch(/10001 entries \(limit 10000\)/);
  });

  it('refuses damaged, trailing-junk and duplicate-name archives', async () => {
    const good = buildZip([{ name: 'a', data: Buffer.from('hello') }]);
    expect((await refusal(Buffer.concat([good, Buffer.from('junk')]))).message).toMatch(/not a ZIP archive/);
    expect((await refusal(Buffer.concat([Buffer.from('junk'), good]))).message).toMatch(/central directory is not where/);
    expect((await refusal([{ name: 'a', data: Buffer.from('1') }, { name: 'a', data: Buffer.from('2') }])).message).toMatch(/two entries named "a"/);
    const corrupt = Buffer.from(good);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
    expect((await refusal(corrupt)).message).toMatch(/damaged|cannot be inflated/);
  });

  it('accepts a workbook Reckon wrote, and the reader reports a refusal as one line', async () => {
    const path = `${files.dir}/ok.xlsx`;
    await writeRecords(path, 'xlsx', ['full_name'], [{ full_name: 'Иванов Иван' }]);
    const handle = await open(path, 'r');
    await expect(guardZip(handle)).resolves.toHaveLength(9);
    await handle.close();
    const bomb = files.write('bomb.xlsx', buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(10 * MB), declaredSize: 10 }]));
    await expect(collect(readRecordFile(bomb))).rejects.toThrow(/bomb\.xlsx: refused: the archive entry "xl\/worksheets\/sheet1.xml" inflates to more than its declared 10 bytes$/);
  });
});
