import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { verifyAuditChain } from '../../core/audit/audit-chain.js';
import { openDb, type Db } from '../../db/database.js';
import { isPostgresUrl } from '../../db/dialect.js';
import { migrateToLatest } from '../../db/migrator.js';
import { listAudit } from '../../db/repositories/audit.repository.js';
import { copyAllRows, countRows } from '../../db/repositories/copy.repository.js';
import { decryptFile, encryptFile, isEncryptedFile, keyFingerprint } from './backup-crypto.js';

/** Written beside every backup: what a restore must find again. */
export const backupManifestSchema = z.object({
  format: z.literal('reckon-backup-1'),
  createdAt: z.string(),
  from: z.enum(['sqlite', 'postgres']),
  /** SHA-256 of the backup file as written (encrypted or not). */
  sha256: z.string(),
  /** Present when the file is encrypted: the recipient key's fingerprint and the SHA-256 of the decrypted copy. */
  encryption: z.object({ recipient: z.string(), plainSha256: z.string() }).optional(),
  rows: z.record(z.string(), z.number().int()),
  auditHead: z.string().nullable(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export class BackupError extends Error {}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function auditHead(db: Db): Promise<string | null> {
  const events = await listAudit(db.kysely);
  const check = verifyAuditChain(events);
  if (!check.ok) throw new BackupError(`audit log broken at seq ${check.seq}: ${check.reason}`);
  return events.length === 0 ? null : check.head;
}

function integrityOk(db: Db): boolean {
  return db.sqlite?.pragma('integrity_check', { simple: true }) === 'ok';
}

/**
 * Backs up the register into one SQLite file (BACKUP-RESTORE): SQLite through the online backup API,
 * PostgreSQL by a consistent logical copy. A manifest (row counts, audit head, file hash) goes beside it.
 */
export async function backupDatabase(db: Db, outPath: string, options: { recipient?: KeyObject } = {}): Promise<BackupManifest> {
  if (existsSync(outPath)) throw new BackupError(`${outPath} already exists; choose a new file`);
  const { recipient } = options;
  // An encrypted backup's plain copy lives only in a private temporary folder, removed at the end.
  const privateDir = recipient ? mkdtempSync(join(tmpdir(), 'reckon-backup-')) : null;
  const tmp = privateDir ? join(privateDir, 'plain.sqlite') : `${outPath}.partial`;
  const partial = `${outPath}.partial`;
  rmSync(partial, { force: true });
  try {
    if (db.sqlite) {
      await db.sqlite.backup(tmp);
    } else {
      const target = await openDb(tmp);
      try {
        await migrateToLatest(target);
        await copyAllRows(db, target);
        target.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
        target.sqlite?.pragma('journal_mode = DELETE');
      } finally {
        await target.close();
      }
    }
    const copy = await openDb(tmp);
    let manifest: BackupManifest;
    try {
      if (!integrityOk(copy)) throw new BackupError('the backup copy failed its integrity check');
      manifest = { format: 'reckon-backup-1', createdAt: new Date().toISOString(), from: db.dialect, sha256: '', rows: await countRows(copy.kysely), auditHead: await auditHead(copy) };
      copy.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
      copy.sqlite?.pragma('journal_mode = DELETE');
    } finally {
      await copy.close();
    }
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
    if (recipient) {
      manifest.encryption = { recipient: keyFingerprint(recipient), plainSha256: await sha256File(tmp) };
      encryptFile(tmp, partial, recipient);
    }
    manifest.sha256 = await sha256File(partial);
    renameSync(partial, outPath);
    writeFileSync(`${outPath}.manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (privateDir) rmSync(privateDir, { recursive: true, force: true });
  }
}

export interface RestoreResult {
  rows: Record<string, number>;
  auditHead: string | null;
  seconds: number;
}

/**
 * Restores a backup into an empty register (a new SQLite file or an empty PostgreSQL database/schema),
 * then checks it against the manifest: file hash, row counts, audit chain head, integrity.
 */
export async function restoreDatabase(backupPath: string, targetUrl: string, targetSchema?: string, options: { identity?: KeyObject } = {}): Promise<RestoreResult> {
  const started = performance.now();
  const manifestPath = `${backupPath}.manifest.json`;
  if (!existsSync(backupPath)) throw new BackupError(`no backup at ${backupPath}`);
  if (!existsSync(manifestPath)) throw new BackupError(`no manifest at ${manifestPath}`);
  const manifest = backupManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if ((await sha256File(backupPath)) !== manifest.sha256) throw new BackupError('backup file does not match its manifest hash');
  if (!isPostgresUrl(targetUrl) && existsSync(targetUrl)) throw new BackupError(`${targetUrl} already exists; restore into a new file`);
  if (!isEncryptedFile(backupPath)) return restorePlain(backupPath, targetUrl, targetSchema, manifest, started);
  const { identity } = options;
  if (!identity) throw new BackupError('this backup is encrypted: pass the private key it was made for (--identity FILE)');
  if (manifest.encryption && keyFingerprint(createPublicKey(identity)) !== manifest.encryption.recipient) throw new BackupError('this backup was encrypted for a different key');
  const privateDir = mkdtempSync(join(tmpdir(), 'reckon-restore-'));
  try {
    const plain = join(privateDir, 'plain.sqlite');
    decryptFile(backupPath, plain, identity);
    if (manifest.encryption && (await sha256File(plain)) !== manifest.encryption.plainSha256) throw new BackupError('the decrypted backup does not match its manifest hash');
    return await restorePlain(plain, targetUrl, targetSchema, manifest, started);
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}

async function restorePlain(backupPath: string, targetUrl: string, targetSchema: string | undefined, manifest: BackupManifest, started: number): Promise<RestoreResult> {
  const source = await openDb(backupPath, { readonly: true });
  const target = await openDb(targetUrl, targetSchema === undefined ? {} : { schema: targetSchema });
  let failed = false;
  try {
    await migrateToLatest(target);
    const existing = await countRows(target.kysely);
    if (Object.values(existing).some((n) => n > 0)) throw new BackupError('the target register is not empty; restore into an empty one');
    await copyAllRows(source, target);
    const rows = await countRows(target.kysely);
    for (const [table, n] of Object.entries(manifest.rows)) {
      if (rows[table] !== n) throw new BackupError(`restored ${table} has ${rows[table] ?? 0} rows, manifest says ${n}`);
    }
    const head = await auditHead(target);
    if (head !== manifest.auditHead) throw new BackupError('restored audit chain does not end at the manifest head');
    if (target.sqlite && !integrityOk(target)) throw new BackupError('restored database failed its integrity check');
    return { rows, auditHead: head, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await source.close();
    await target.close();
    // A SQLite target this restore created must not be left half-written.
    if (failed && target.sqlite) for (const f of [targetUrl, `${targetUrl}-wal`, `${targetUrl}-shm`]) rmSync(f, { force: true });
  }
}
