import { diffReleases } from '../../../core/release/release.diff.js';
import { foldForSearch } from '../../../core/release/release.search.js';
import { displayName } from '../../../core/release/release.diff.js';
import { releaseInputSchema, type PublicPerson, type ReleaseInput } from '../../../core/release/release.schemas.js';
import { computeTables, type ReleaseTables } from '../../../core/release/release.tables.js';
import { keyFingerprint, normalizePublicKeyPem } from '../keys.js';
import { SEARCH_JS, STYLE_CSS } from './assets.js';
import { jsonFile, personsCsv, personsJson } from './data-files.js';
import { listPage } from './list-page.js';
import { nameRef } from './person-card.js';
import { methodologyPage } from './methodology-page.js';
import { searchIndexRow, searchPage } from './search-page.js';
import { LANGS, PAGE_SIZE, type Emit, type ListedPerson, type RegionTile, type SiteContext } from './site.types.js';
import { tallyPage } from './tally-page.js';
import { REGIONS } from '../../../core/regions/region.js';

export interface BuildOptions {
  publicKeyPem: string;
  /** Tile map gazetteer; REGIONS from src/core/regions unless given. */
  regions?: readonly RegionTile[];
}

export interface BuiltSite {
  ctx: SiteContext;
  tables: ReleaseTables;
  /** Persons in list order, with their list page. */
  listed: ListedPerson[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** List order: folded name (ё = е, case-free), then id, so the order never depends on input order. */
export function listOrder(persons: readonly PublicPerson[]): PublicPerson[] {
  const keyed = persons.map((p) => ({ p, k: foldForSearch(displayName(p)) }));
  keyed.sort((a, b) => cmp(a.k, b.k) || cmp(a.p.id, b.p.id));
  return keyed.map((x) => x.p);
}

function rootIndex(): string {
  return `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=ru/index.html"><title>Reckon</title><link rel="stylesheet" href="assets/style.css"></head>
<body><main><p><a href="ru/index.html" lang="ru">Русский</a> · <a href="en/index.html" lang="en">English</a></p></main></body>
</html>
`;
}

function notFound(): string {
  return `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>404</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><main><h1>404</h1><p lang="ru">Страница не найдена. <a href="/ru/index.html">На главную</a></p><p lang="en">Page not found. <a href="/en/index.html">Home</a></p></main></body>
</html>
`;
}

/**
 * Renders a complete static release site from its input and hands each file to `emit`
 * (sorted, deterministic: same input and key → same bytes). Unknown keys on persons are
 * stripped by the allowlist schema before anything is rendered.
 */
export function buildSite(rawInput: ReleaseInput, options: BuildOptions, emit: Emit): BuiltSite {
  const input = releaseInputSchema.parse(rawInput);
  const byId = [...input.persons].sort((a, b) => cmp(a.id, b.id));
  for (let i = 1; i < byId.length; i++) {
    if (byId[i]?.id === byId[i - 1]?.id) throw new Error(`duplicate person id in release input: ${byId[i]?.id ?? ''}`);
  }
  const ordered = listOrder(byId);
  const listed = ordered.map((person, i) => ({ person, page: Math.floor(i / PAGE_SIZE) + 1 }));
  const pageCount = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const tables = computeTables(input.date, byId);
  const diff = diffReleases(input.date, byId, input.previous, input.reasons ?? {});
  const regions = options.regions ?? REGIONS;
  const ctx: SiteContext = { date: input.date, ruleVersion: input.rule.version, fingerprint: keyFingerprint(options.publicKeyPem), regions, pageCount };
  const text = (path: string, s: string): void => {
    emit(path, Buffer.from(s, 'utf8'));
  };

  text('404.html', notFound());
  text('assets/search.js', SEARCH_JS);
  text('assets/style.css', STYLE_CSS);
  emit('checkpoint.json', jsonFile(input.checkpoint));
  emit('data/diff.json', jsonFile(diff));
  emit('data/persons.csv', personsCsv(byId));
  emit('data/persons.json', personsJson(input.date, byId));
  emit('data/search-index.json', Buffer.from('[\n' + listed.map((x) => JSON.stringify(searchIndexRow(nameRef(x.person, x.page)))).join(',\n') + '\n]\n', 'utf8'));
  emit('data/tables.json', jsonFile(tables));
  for (const lang of LANGS) {
    text(`${lang}/index.html`, tallyPage(lang, tables, listed.slice(0, PAGE_SIZE), ctx, input.estimate));
    for (let page = 1; page <= pageCount; page++) {
      text(`${lang}/list/${page}.html`, listPage(lang, page, listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), ctx));
    }
    text(`${lang}/methodology.html`, methodologyPage(lang, input, diff, ctx));
    text(`${lang}/search.html`, searchPage(lang, ctx));
  }
  text('index.html', rootIndex());
  text('public-key.pem', normalizePublicKeyPem(options.publicKeyPem));
  emit('release.json', jsonFile({ format: 'reckon-release/1', date: input.date, total: tables.totals.total, ruleVersion: input.rule.version, pages: pageCount, keyFingerprint: ctx.fingerprint }));
  return { ctx, tables, listed };
}
