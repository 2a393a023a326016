import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { manifestSchema, MANIFEST_FILE, SIGNATURE_FILE, manifestEntry, type ManifestEntry } from '../../core/release/release.manifest.js';
import type { ReleaseInput } from '../../core/release/release.schemas.js';
import { keyFingerprint, loadSigningKey, publicKeyOf } from './keys.js';
import { NameSearch } from './name-search.js';
import { signManifest } from './sign.js';
import { buildSite } from './site/build-site.js';
import { nameRef, type NameRef } from './site/person-card.js';
import type { SearchResults } from './site/search-page.js';
import type { RegionTile, SiteContext } from './site/site.types.js';

/** A release as the live server sees it: its files (exactly the static site's bytes) and a name search. */
export interface ReleaseSite {
  date: string;
  ctx: SiteContext;
  /** The bytes of a site file (`ru/index.html`), or undefined when the release has no such file. */
  file(path: string): Uint8Array | undefined;
  search(query: string): SearchResults;
}

/** Builds and signs a release in memory (tests, previews): the same bytes writeRelease puts on disk. */
export function memoryReleaseSite(input: ReleaseInput, options: { privateKeyPem: string; regions?: readonly RegionTile[] }): ReleaseSite {
  const key = loadSigningKey(options.privateKeyPem);
  const files = new Map<string, Uint8Array>();
  const entries: ManifestEntry[] = [];
  const built = buildSite(input, { publicKeyPem: publicKeyOf(key), ...(options.regions ? { regions: options.regions } : {}) }, (path, bytes) => {
    files.set(path, bytes);
    entries.push(manifestEntry(path, bytes));
  });
  const signed = signManifest(input.date, entries, key);
  files.set(MANIFEST_FILE, signed.manifest);
  files.set(SIGNATURE_FILE, signed.signature);
  const names = new NameSearch(built.listed.map((x) => nameRef(x.person, x.page)));
  return { date: built.ctx.date, ctx: built.ctx, file: (p) => files.get(p), search: (q) => names.search(q) };
}

const releaseJsonSchema = z.object({ date: z.string(), ruleVersion: z.string(), pages: z.number().int().positive() });
const searchIndexSchema = z.array(z.tuple([z.string(), z.string(), z.string(), z.number().int()]));
const CACHE_LIMIT = 64 * 1024 * 1024;

/**
 * Opens a written release folder for serving. Only files listed in its manifest (plus the
 * manifest and signature) are ever read; small files are cached after the first read.
 * Verify the folder first (verifyRelease) when it comes from elsewhere.
 */
export function loadReleaseSite(dir: string): ReleaseSite {
  const read = (p: string): Buffer => readFileSync(join(dir, ...p.split('/')));
  const manifest = manifestSchema.parse(JSON.parse(read(MANIFEST_FILE).toString('utf8')));
  const meta = releaseJsonSchema.parse(JSON.parse(read('release.json').toString('utf8')));
  const rows = searchIndexSchema.parse(JSON.parse(read('data/search-index.json').toString('utf8')));
  const names = new NameSearch(rows.map(([id, name, latin, page]): NameRef => ({ id, name, latin, page })));
  const ctx: SiteContext = { date: meta.date, ruleVersion: meta.ruleVersion, fingerprint: keyFingerprint(read('public-key.pem').toString('utf8')), regions: [], pageCount: meta.pages };
  const allowed = new Set([...manifest.files.map((f) => f.path), MANIFEST_FILE, SIGNATURE_FILE]);
  const cache = new Map<string, Uint8Array>();
  let cached = 0;
  const file = (path: string): Uint8Array | undefined => {
    if (!allowed.has(path)) return undefined;
    const hit = cache.get(path);
    if (hit) return hit;
    const full = join(dir, ...path.split('/'));
    if (!statSync(full, { throwIfNoEntry: false })?.isFile()) return undefined;
    const bytes = readFileSync(full);
    if (bytes.byteLength < 1024 * 1024 && cached + bytes.byteLength < CACHE_LIMIT) {
      cache.set(path, bytes);
      cached += bytes.byteLength;
    }
    return bytes;
  };
  return { date: meta.date, ctx, file, search: (q) => names.search(q) };
}
