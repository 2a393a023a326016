import { FOREIGN_NAMES, UNKNOWN_NAMES } from './foreign-names.js';
import { FOREIGN_CODE, REGIONS, REGION_BY_CODE, UNKNOWN_CODE } from './region.js';
import type { Region } from './region.js';
import { boundedMemo } from './bounded-cache.js';
import { fuzzyRegionKey, fuzzyRegionKeys } from './fuzzy-key.js';
import { regionWords } from './region-key.js';

/** The outcome of resolving a region text; the text is always kept, whether or not it matched. */
export interface ResolvedRegion {
  /** ISO 3166-2 code, 'FOREIGN' or 'UNKNOWN'. */
  code: string;
  /** False when nothing in the text was recognised (the code is then UNKNOWN). */
  matched: boolean;
  text: string;
}

/** Longer texts are not a region; they are kept but not resolved (bounded work on hostile input). */
const MAX_REGION_TEXT = 300;
const MAX_WINDOW = 5;
const MAX_WORDS = 24;
/** Latin letters only (with the accents foreign press uses): eligible for the fuzzy key. */
const LATIN_ONLY = /^[^\u0400-\u04FF]*[A-Za-z][^\u0400-\u04FF]*$/;
const CODE = /^(?:RU-[A-Z]{2,3}|UA-\d{2}|FOREIGN|UNKNOWN)$/;

/** Every name a region answers to: its names (both, for occupied regions), capital, aliases. */
export function regionNames(region: Region): string[] {
  const names = [...region.nameRu.split(' / '), ...region.nameEn.split(' / '), ...region.aliases];
  if (region.capitalRu !== null) names.push(region.capitalRu);
  if (region.capitalEn !== null) names.push(region.capitalEn);
  return names;
}

interface Gazetteer {
  full: Map<string, string | null>;
  core: Map<string, string | null>;
  fuzzy: Map<string, string | null>;
  conflicts: string[];
}

function add(map: Map<string, string | null>, key: string, code: string, conflicts: string[]): void {
  if (key === '') return;
  const existing = map.get(key);
  if (existing === undefined) map.set(key, code);
  else if (existing !== null && existing !== code) {
    map.set(key, null);
    conflicts.push(`${key}: ${existing} / ${code}`);
  }
}

function buildGazetteer(): Gazetteer {
  const gazetteer: Gazetteer = { full: new Map(), core: new Map(), fuzzy: new Map(), conflicts: [] };
  const ignored: string[] = [];
  const entries: [string, string][] = REGIONS.flatMap((r) =>
    regionNames(r).map((name): [string, string] => [name, r.code]),
  );
  for (const name of FOREIGN_NAMES) entries.push([name, FOREIGN_CODE]);
  for (const name of UNKNOWN_NAMES) entries.push([name, UNKNOWN_CODE]);
  for (const [name, code] of entries) {
    const { all, core, plainCore } = regionWords(name);
    add(gazetteer.full, all.join(' '), code, gazetteer.conflicts);
    add(gazetteer.core, core.join(' '), code, gazetteer.conflicts);
    if (!isSpecial(code)) add(gazetteer.fuzzy, fuzzyRegionKey(plainCore), code, ignored);
  }
  return gazetteer;
}

const GAZETTEER = buildGazetteer();

/** Names that two regions share and that therefore resolve to neither (kept for review in tests). */
export const GAZETTEER_CONFLICTS: readonly string[] = GAZETTEER.conflicts;

function isSpecial(code: string): boolean {
  return code === FOREIGN_CODE || code === UNKNOWN_CODE;
}

/** Foreign-press spellings: the first variant key that names exactly one region. */
function fuzzyLookup(words: readonly string[]): string | undefined {
  for (const key of fuzzyRegionKeys(words)) {
    const code = GAZETTEER.fuzzy.get(key);
    if (code !== undefined && code !== null) return code;
  }
  return undefined;
}

/** Looks for a known name inside a longer text: the longest run of words wins, a region beats Foreign, then leftmost. */
function scan(words: readonly string[]): string | null {
  const limited = words.slice(0, MAX_WORDS);
  for (let size = Math.min(MAX_WINDOW, limited.length); size >= 1; size--) {
    let fallback: string | null = null;
    for (let i = 0; i + size <= limited.length; i++) {
      const code = GAZETTEER.core.get(limited.slice(i, i + size).join(' '));
      if (code === undefined || code === null) continue;
      if (!isSpecial(code)) return code;
      fallback ??= code;
    }
    if (fallback !== null) return fallback;
  }
  return null;
}

/**
 * Resolves a region as sources write it (full or short name, abbreviation, informal name, English
 * form, capital or big city, ISO code) to a gazetteer code. Unrecognised text gives UNKNOWN with
 * `matched: false`; the text is always returned as given.
 * @example resolveRegion('Екатеринбург') // { code: 'RU-SVE', matched: true, text: 'Екатеринбург' }
 */
export function resolveRegion(text: string): ResolvedRegion {
  if (text.length > MAX_REGION_TEXT) return { code: UNKNOWN_CODE, matched: false, text };
  const resolved = cachedResolve(text);
  return { code: resolved.code, matched: resolved.matched, text };
}

const cachedResolve = boundedMemo(resolveUncached);

function resolveUncached(text: string): ResolvedRegion {
  const unmatched = { code: UNKNOWN_CODE, matched: false, text };
  const trimmed = text.trim();
  if (CODE.test(trimmed.toUpperCase()) && REGION_BY_CODE.has(trimmed.toUpperCase())) {
    return { code: trimmed.toUpperCase(), matched: true, text };
  }
  const { all, core, plainCore } = regionWords(trimmed);
  const coreKey = core.join(' ');
  const fuzzy = LATIN_ONLY.test(trimmed) ? fuzzyLookup(plainCore) : undefined;
  const code =
    GAZETTEER.full.get(all.join(' ')) ??
    GAZETTEER.core.get(coreKey) ??
    GAZETTEER.full.get(coreKey) ??
    fuzzy ??
    scan(core);
  return code === null ? unmatched : { code, matched: true, text };
}
