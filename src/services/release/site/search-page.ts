import { esc, fmtNumber, renderPage } from './html.js';
import { t } from './i18n.js';
import { nameItem, type NameRef } from './person-card.js';
import type { Lang, SiteContext } from './site.types.js';

export const SEARCH_LIMIT = 100;

export interface SearchResults {
  query: string;
  total: number;
  hits: readonly NameRef[];
}

/**
 * The search page. Without `results` (the static file) it shows the form and an empty list that
 * assets/search.js fills from data/search-index.json; with `results` (served live) the list is
 * rendered on the server, so search works without JavaScript.
 */
export function searchPage(lang: Lang, ctx: SiteContext, results?: SearchResults): string {
  const s = t(lang);
  const q = results?.query ?? '';
  let summary = '';
  let items = '';
  if (results && results.query.trim() !== '') {
    summary =
      results.total === 0
        ? esc(s.noResults)
        : `${esc(s.results)}: ${fmtNumber(results.total, lang)}${results.total > results.hits.length ? ` (${esc(s.moreResults)} ${results.hits.length})` : ''}`;
    items = results.hits.map((h) => nameItem(h, lang)).join('\n');
  }
  const body = `<h1>${esc(s.search)}</h1>
<form action="search.html" method="get" role="search"><input type="search" name="q" id="q" value="${esc(q)}" placeholder="${esc(s.searchPlaceholder)}" aria-label="${esc(s.search)}"> <button type="submit">${esc(s.searchButton)}</button></form>
<p id="search-summary" aria-live="polite" data-none="${esc(s.noResults)}" data-found="${esc(s.results)}">${summary}</p>
<ol class="names" id="results">
${items}
</ol>
${results ? '' : `<p class="static-note" id="static-note">${esc(s.searchStaticNote)}</p>`}`;
  return renderPage({ lang, path: 'search.html', title: `${s.search}${q !== '' ? ` — ${q}` : ''}`, body, ctx, scripts: results ? [] : ['assets/search.js'] });
}

/** A row of data/search-index.json: [id, name, Latin name, list page]. */
export type SearchIndexRow = [string, string, string, number];

/** The search index row of a listed name. */
export function searchIndexRow(n: NameRef): SearchIndexRow {
  return [n.id, n.name, n.latin, n.page];
}
