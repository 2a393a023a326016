import { existsSync } from 'node:fs';
import type { Db } from '../../db/database.js';
import { findLatestRelease } from '../../db/repositories/release.repository.js';
import { loadReleaseSite, type ReleaseSite } from '../release/release-site.js';

/**
 * Keeps the newest recorded release's site at hand for the live public pages, re-checking the register
 * at most every `refreshMs` so serving stays off the database.
 */
export class LatestRelease {
  private site: ReleaseSite | null = null;
  private date: string | null = null;
  private checkedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly refreshMs = 5_000,
  ) {}

  /** The current site, or null when nothing has been released yet. */
  async get(): Promise<ReleaseSite | null> {
    const now = Date.now();
    if (now - this.checkedAt < this.refreshMs) return this.site;
    this.checkedAt = now;
    const latest = await findLatestRelease(this.db.kysely);
    if (latest && latest.release_date !== this.date && latest.path !== null && existsSync(latest.path)) {
      this.site = loadReleaseSite(latest.path);
      this.date = latest.release_date;
    }
    return this.site;
  }
}
