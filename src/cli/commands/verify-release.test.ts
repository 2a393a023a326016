import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeReleaseInput, testKeyPair } from '../../services/release/fixtures/release-input.js';
import { writeRelease } from '../../services/release/write-release.js';
import { main } from '../main.js';

const tmp = mkdtempSync(join(tmpdir(), 'reckon-verify-cli-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('reckon verify-release', () => {
  const key = testKeyPair();
  const dir = join(tmp, 'release');
  const pub = join(tmp, 'pub.pem');
  writeRelease(dir, makeReleaseInput(10), { privateKeyPem: key.privateKeyPem });
  writeFileSync(pub, key.publicKeyPem);
  let out = '';
  let err = '';
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('exits 0 for an intact release and 1 naming the first bad file after one byte flips', async () => {
    expect(await main(['node', 'reckon', 'verify-release', dir, '--key', pub, '--format', 'json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ status: 'ok', release: '2025-03-28' });
    const path = join(dir, 'en/methodology.html');
    const bytes = readFileSync(path);
    bytes[10] = (bytes[10] ?? 0) ^ 0x20;
    writeFileSync(path, bytes);
    expect(await main(['node', 'reckon', 'verify-release', dir, '--key', pub])).toBe(1);
    expect(err.trim()).toBe('reckon: release verification failed: changed: en/methodology.html');
  });

  it('exits 1 with a clear line when the key file is missing', async () => {
    expect(await main(['node', 'reckon', 'verify-release', dir, '--key', join(tmp, 'none.pem')])).toBe(1);
    expect(err).toContain('cannot read public key file');
  });
});
