import { esc, fmtNumber, renderPage } from './html.js';
import { t } from './i18n.js';
import { personCard } from './person-card.js';
import type { Lang, ListedPerson, SiteContext } from './site.types.js';

function pager(page: number, count: number, lang: Lang): string {
  const s = t(lang);
  const shown = new Set([1, count, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= count));
  const links: string[] = [];
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > last + 1) links.push('<span>…</span>');
    links.push(n === page ? `<strong aria-current="page">${n}</strong>` : `<a href="${n}.html">${n}</a>`);
    last = n;
  }
  const prev = page > 1 ? `<a href="${page - 1}.html" rel="prev">${esc(s.prev)}</a> ` : '';
  const next = page < count ? ` <a href="${page + 1}.html" rel="next">${esc(s.next)}</a>` : '';
  return `<nav class="pager" aria-label="${esc(s.page)}">${prev}${links.join(' ')}${next}</nav>`;
}

/** One page of the name list: a card per person, with a pager. */
export function listPage(lang: Lang, page: number, persons: readonly ListedPerson[], ctx: SiteContext): string {
  const s = t(lang);
  const nav = pager(page, ctx.pageCount, lang);
  const cards = persons.map((x) => personCard(x.person, lang, ctx.regions)).join('\n');
  const body = `<h1>${esc(s.allNames)} — ${esc(s.page)} ${fmtNumber(page, lang)}</h1>
<form action="../search.html" method="get" role="search"><input type="search" name="q" placeholder="${esc(s.searchPlaceholder)}" aria-label="${esc(s.search)}"> <button type="submit">${esc(s.searchButton)}</button></form>
${nav}
${cards}
${nav}`;
  return renderPage({ lang, path: `list/${page}.html`, title: `${s.allNames} — ${s.page} ${page}`, body, ctx });
}
