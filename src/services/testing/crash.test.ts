import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../core/audit/audit-chain.js';
import { openDb } from '../../db/database.js';
import { listAudit } from '../../db/repositories/audit.repository.js';

const dir = mkdtempSync(join(tmpdir(), 'reckon-crash-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer, kills it with SIGKILL after `ms` of writing, and returns the ids it acknowledged. */
function writeAndKill(db: string, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), ms).unref();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed (${code}): ${err}`));
      const lines = out.split('\n');
      lines.pop(); // a partial last line was never fully acknowledged
      resolve(lines.filter((l) => l !== 'ready'));
    });
  });
}

describe('SQLite survives SIGKILL mid-write (DB-CRASH)', () => {
  it('keeps every acknowledged write and a sound database across repeated kills', async () => {
    const db = join(dir, 'crash.sqlite');
    const acknowledged: string[] = [];
    for (let run = 0; run < 5; run++) {
      acknowledged.push(...(await writeAndKill(db, 150 + run * 70)));
      const reopened = await openDb(db);
      try {
        expect(reopened.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set((await reopened.kysely.selectFrom('persons').select('id').execute()).map((r) => r.id));
        const lost = acknowledged.filter((id) => !ids.has(id));
        expect(lost).toEqual([]);
        expect(verifyAuditChain(await listAudit(reopened.kysely)).ok).toBe(true);
      } finally {
        await reopened.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(20);
  });
});
