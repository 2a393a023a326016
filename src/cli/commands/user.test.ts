import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../db/database.js';
import { main } from '../main.js';

const tmp = mkdtempSync(join(tmpdir(), 'reckon-user-cli-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('reckon user', () => {
  const db = join(tmp, 'r.sqlite');
  const run = (...args: string[]): Promise<number> => main(['node', 'reckon', '--db', db, '--format', 'json', '--as', 'admin-cli', 'user', ...args]);
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
    vi.unstubAllEnvs();
  });

  it('adds a verifier from RECKON_PASSWORD, printing a TOTP secret once, and refuses a common password', async () => {
    vi.stubEnv('RECKON_PASSWORD', 'correct horse battery staple');
    expect(await run('add', 'Vera', '--role', 'verifier', '--name', 'Vera V.')).toBe(0);
    const added = JSON.parse(out) as Record<string, unknown>;
    expect(added).toMatchObject({ username: 'vera', displayName: 'Vera V.', role: 'verifier', mfa: true });
    expect(String(added.otpauthUri)).toMatch(/^otpauth:\/\/totp\/Reckon%3Avera\?secret=[A-Z2-7]{32}&/);
    vi.stubEnv('RECKON_PASSWORD', 'password1');
    expect(await run('add', 'carl', '--role', 'contributor')).toBe(1);
    expect(err).toContain('most common passwords');
    vi.stubEnv('RECKON_PASSWORD', 'another long passphrase');
    expect(await run('add', 'carl', '--role', 'boss')).toBe(1);
    expect(err).toContain('role must be one of viewer, contributor, verifier, admin');
  });

  it('changes a role, disables, and lists without hashes or secrets; every change is audited without them', async () => {
    vi.stubEnv('RECKON_PASSWORD', 'a contributor passphrase');
    expect(await run('add', 'carl', '--role', 'contributor')).toBe(0);
    out = '';
    expect(await run('role', 'carl', 'viewer')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ username: 'carl', role: 'viewer', mfa: false });
    out = '';
    expect(await run('disable', 'carl')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ username: 'carl', disabled: true, sessionsEnded: 0 });
    out = '';
    expect(await run('list')).toBe(0);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({ username: 'carl', role: 'viewer', disabled: true }),
      expect.objectContaining({ username: 'vera', role: 'verifier', disabled: false }),
    ]);
    expect(out).not.toMatch(/scrypt|totp_secret|passphrase/);
    const d = await openDb(db);
    try {
      const users = await d.kysely.selectFrom('users').select(['password_hash', 'totp_secret']).execute();
      const audit = await d.kysely.selectFrom('audit_events').select(['actor', 'action', 'before', 'after']).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['user.add', 'user.add', 'user.role', 'user.disable']);
      expect(audit.every((a) => a.actor === 'admin-cli')).toBe(true);
      const text = JSON.stringify(audit);
      for (const u of users) {
        expect(u.password_hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
        expect(text).not.toContain(u.password_hash ?? '-');
        if (u.totp_secret !== null) expect(text).not.toContain(u.totp_secret);
      }
      expect(text).not.toContain('passphrase');
    } finally {
      await d.close();
    }
  });
});
