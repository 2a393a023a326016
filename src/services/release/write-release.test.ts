import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeReleaseInput, testKeyPair, TEST_REGIONS } from './fixtures/release-input.js';
import { verifyRelease } from './verify-release.js';
import { writeRelease } from './write-release.js';

const tmp = mkdtempSync(join(tmpdir(), 'reckon-release-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

const key = testKeyPair();
const input = makeReleaseInput(230);

describe('writeRelease', () => {
  const dir = join(tmp, 'a');
  const written = writeRelease(dir, input, { privateKeyPem: key.privateKeyPem, regions: TEST_REGIONS });

  it('writes a complete static site in both languages with data and signature', () => {
    const names = [...files(dir).keys()];
    for (const f of ['index.html', 'ru/index.html', 'en/index.html', 'ru/methodology.html', 'en/search.html', 'ru/list/1.html', 'ru/list/3.html', 'data/persons.csv', 'data/persons.json', 'data/tables.json', 'data/diff.json', 'public-key.pem', 'manifest.json', 'manifest.sig', 'checkpoint.json', 'assets/search.js', '404.html']) {
      expect(names).toContain(f);
    }
    expect(names).not.toContain('ru/list/4.html');
    expect(written.ctx.pageCount).toBe(3);
  });

  it('is byte-identical when cut twice from the same input, whatever the person order', () => {
    const again = join(tmp, 'b');
    writeRelease(again, { ...input, persons: [...input.persons].reverse() }, { privateKeyPem: key.privateKeyPem, regions: TEST_REGIONS });
    const a = files(dir);
    const b = files(again);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  });

  it('shows the headline count, release date and key fingerprint on the tally page', () => {
    const html = readFileSync(join(dir, 'ru/index.html'), 'utf8');
    expect(html).toContain('data-total="230"');
    expect(html).toContain('datetime="2025-03-28"');
    expect(html).toContain(written.ctx.fingerprint);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle="/);
    const tiles = [...html.matchAll(/data-count="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(tiles).toBe(230);
  });

  it('keeps the tally page and its CSS under 300 KB', () => {
    const weight = statSync(join(dir, 'ru/index.html')).size + statSync(join(dir, 'assets/style.css')).size;
    expect(weight).toBeLessThan(300 * 1024);
  });

  it('lists removed and corrected persons with their reasons on the methodology page', () => {
    const [a, b, c] = makeReleaseInput(3).persons;
    if (!a || !b || !c) throw new Error('fixture');
    const d = join(tmp, 'diff');
    const previous = { date: '2025-03-14', persons: [a, b, c] };
    writeRelease(d, { ...makeReleaseInput(0), persons: [a, { ...b, unit: '7-я рота' }], previous, reasons: { [c.id]: 'duplicate of another record' } }, { privateKeyPem: key.privateKeyPem });
    const html = readFileSync(join(d, 'en/methodology.html'), 'utf8');
    expect(html).toContain('removed 1, corrected 1');
    expect(html).toContain(`<code>${c.id}</code>`);
    expect(html).toContain('duplicate of another record');
    expect(html).toContain('(unit): record corrected');
  });

  it('writes a formula-safe CSV', () => {
    const evil = makeReleaseInput(1);
    const p = evil.persons[0];
    if (!p) throw new Error('no person');
    const dir2 = join(tmp, 'csv');
    writeRelease(dir2, { ...evil, persons: [{ ...p, unit: '=HYPERLINK("http://x")' }] }, { privateKeyPem: key.privateKeyPem });
    const csv = readFileSync(join(dir2, 'data/persons.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('cuts an empty release (no confirmed deaths yet) and rejects duplicate ids', () => {
    const empty = join(tmp, 'empty');
    const r = writeRelease(empty, makeReleaseInput(0), { privateKeyPem: key.privateKeyPem });
    expect(r.tables.totals.total).toBe(0);
    expect(readFileSync(join(empty, 'en/index.html'), 'utf8')).toContain('data-total="0"');
    expect(verifyRelease(empty, key.publicKeyPem).ok).toBe(true);
    const one = makeReleaseInput(2);
    const dup = one.persons.map((p) => ({ ...p, id: 'same' }));
    expect(() => writeRelease(join(tmp, 'dup'), { ...one, persons: dup }, { privateKeyPem: key.privateKeyPem })).toThrow(/duplicate person id/);
  });

  it('refuses to overwrite an existing release', () => {
    expect(() => writeRelease(dir, input, { privateKeyPem: key.privateKeyPem })).toThrow(/not empty/);
  });
});

describe('verifyRelease', () => {
  const fresh = (name: string): string => {
    const d = join(tmp, name);
    writeRelease(d, makeReleaseInput(20), { privateKeyPem: key.privateKeyPem });
    return d;
  };

  it('passes an untouched release', () => {
    const r = verifyRelease(fresh('ok'), key.publicKeyPem);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.release).toBe('2025-03-28');
  });

  it('fails when one byte of one file changes, naming the file', () => {
    const d = fresh('flip');
    const path = join(d, 'ru/index.html');
    const bytes = readFileSync(path);
    bytes[200] = (bytes[200] ?? 0) ^ 1;
    writeFileSync(path, bytes);
    expect(verifyRelease(d, key.publicKeyPem)).toMatchObject({ ok: false, problems: [{ path: 'ru/index.html', problem: 'changed' }] });
  });

  it('fails on an extra file and on a missing file', () => {
    const d = fresh('extra');
    writeFileSync(join(d, 'ru/extra.html'), 'x');
    expect(verifyRelease(d, key.publicKeyPem).problems).toEqual([{ path: 'ru/extra.html', problem: 'unexpected' }]);
    const m = fresh('missing');
    rmSync(join(m, 'data/tables.json'));
    expect(verifyRelease(m, key.publicKeyPem).problems).toEqual([{ path: 'data/tables.json', problem: 'missing' }]);
  });

  it('fails with another key or an edited manifest', () => {
    const d = fresh('key');
    expect(verifyRelease(d, testKeyPair().publicKeyPem).problems[0]?.problem).toBe('bad signature');
    appendFileSync(join(d, 'manifest.json'), ' ');
    expect(verifyRelease(d, key.publicKeyPem).problems[0]).toEqual({ path: 'manifest.sig', problem: 'bad signature' });
  });
});
