import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'reckon.js');
const dir = mkdtempSync(join(tmpdir(), 'reckon-cli-'));
const db = join(dir, 'register.sqlite');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function reckon(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--db', db, ...args], { cwd: dir });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('the release flow from the command line', () => {
  it('demo records → import → two editors confirm → release → verify-release; one flipped byte fails', async () => {
    expect((await reckon('demo', '--persons', '30', '--seed', '7', '--out', join(dir, 'demo'))).code).toBe(0);
    const imported = await reckon('--as', 'volunteer', '--format', 'json', 'import', join(dir, 'demo', 'records.csv'));
    expect(imported.code).toBe(0);
    const backlog = JSON.parse((await reckon('--format', 'json', 'verify', 'backlog', '--source-kind', 'relative_post', '--limit', '4')).stdout) as { id: string }[];
    expect(backlog.length).toBe(4);

    const own = await reckon('--as', 'volunteer', 'verify', 'confirm', backlog[0]!.id, '--reason', 'my own entry');
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/second person/);
    for (const [i, p] of backlog.entries()) {
      const r = await reckon('--as', i % 2 === 0 ? 'editor-a' : 'editor-b', 'verify', 'confirm', p.id, '--reason', 'relative’s post checked');
      expect(r.code, r.stderr).toBe(0);
    }

    writeFileSync(join(dir, 'note.md'), 'Synthetic test release: every name is fictional.\n');
    const release = await reckon('--as', 'data-editor', '--format', 'json', 'release', '--date', new Date().toISOString().slice(0, 10), '--note', join(dir, 'note.md'));
    expect(release.code, release.stderr).toBe(0);
    const cut = JSON.parse(release.stdout) as { total: number; dir: string; publicKey: string };
    expect(cut.total).toBe(4);

    const ok = await reckon('verify-release', cut.dir, '--key', cut.publicKey);
    expect(ok.code, ok.stderr).toBe(0);
    const index = join(cut.dir, 'en', 'index.html');
    const bytes = readFileSync(index);
    bytes[100] = (bytes[100] ?? 0) ^ 0x01;
    writeFileSync(index, bytes);
    const bad = await reckon('verify-release', cut.dir, '--key', cut.publicKey);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('en/index.html');

    const audit = await reckon('audit', 'verify');
    expect(audit.code, audit.stderr).toBe(0);
  }, 240_000);
});
