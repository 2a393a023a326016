import type { Estimate } from '../../../core/release/release.schemas.js';
import type { ReleaseTables } from '../../../core/release/release.tables.js';
import { barChartSvg } from './charts.js';
import { esc, fmtDate, fmtNumber, renderPage } from './html.js';
import { categoryName, rankClassName, t } from './i18n.js';
import { nameItem, nameRef } from './person-card.js';
import type { Lang, ListedPerson, SiteContext } from './site.types.js';
import { layoutTiles, tileMapSvg } from './tile-map.js';
import type { Category } from '../../../core/record/record.schemas.js';
import type { RankClass } from '../../../core/release/release.schemas.js';

function figure(title: string, svg: string, extra = ''): string {
  return `<section><h2>${esc(title)}</h2><figure>${svg}</figure>${extra}</section>`;
}

/** The numbers behind a chart, as a table folded under it (screen readers, copying figures). */
function dataTable(summary: string, rows: readonly [string, number][], lang: Lang): string {
  const body = rows.map(([k, n]) => `<tr><th scope="row">${esc(k)}</th><td>${fmtNumber(n, lang)}</td></tr>`).join('');
  return `<details><summary>${esc(summary)}</summary><table class="data">${body}</table></details>`;
}

function estimateBlock(e: Estimate | null | undefined, lang: Lang): string {
  if (!e) return '';
  const s = t(lang);
  return `<p class="estimate">${esc(s.estimate)}: <strong>${fmtNumber(e.estimate, lang)}</strong> (${fmtNumber(e.lower, lang)}–${fmtNumber(e.upper, lang)}), ${esc(e.method)}, <time datetime="${e.date}">${fmtDate(e.date, lang)}</time></p>`;
}

/** The tally: headline count with its date, weekly chart, categories, tile map, ages, first names. */
export function tallyPage(lang: Lang, tables: ReleaseTables, firstPage: readonly ListedPerson[], ctx: SiteContext, estimate?: Estimate | null): string {
  const s = t(lang);
  const total = tables.totals.total;
  const weeks = tables.byWeek.filter((w) => w.key !== 'unknown');
  const weekUnknown = tables.byWeek.find((w) => w.key === 'unknown')?.count ?? 0;
  const weekly = barChartSvg({ label: s.weekly, categories: weeks.map((w) => w.key), values: weeks.map((w) => w.count), width: 720, height: 220 });
  const cats = barChartSvg({
    label: s.categories,
    categories: tables.byCategory.map((c) => categoryName(c.key as Category, lang)),
    values: tables.byCategory.map((c) => c.count),
    width: 560,
    height: 260,
    horizontal: true,
  });
  const ages = barChartSvg({ label: s.ages, categories: tables.byAgeBand.map((a) => (a.key === 'unknown' ? s.unknown : a.key)), values: tables.byAgeBand.map((a) => a.count), width: 560, height: 200 });
  const tileList = layoutTiles(tables.byRegion, ctx.regions, lang);
  const tiles = tileMapSvg(tileList, lang, s.regions);
  const regionRows = [...tileList].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)).map((x): [string, number] => [x.name, x.count]);
  const ranks = tables.byRankClass.map((r) => `<tr><th scope="row">${esc(rankClassName(r.key as RankClass, lang))}</th><td>${fmtNumber(r.count, lang)}</td></tr>`).join('');
  const names = firstPage.map((x) => nameItem(nameRef(x.person, x.page), lang)).join('\n');
  const body = `<h1>${esc(s.siteTitle)}</h1>
<p class="headline"><strong id="total" data-total="${total}">${fmtNumber(total, lang)}</strong> ${esc(s.confirmedDeaths)}, ${esc(s.namedListAsOf)} <time datetime="${tables.date}">${fmtDate(tables.date, lang)}</time></p>
${estimateBlock(estimate, lang)}
${figure(s.weekly, weekly, `<p>${esc(s.weeklyUnknown)}: ${fmtNumber(weekUnknown, lang)}</p>${dataTable(s.byMonthTable, tables.byMonth.map((m) => [m.key === 'unknown' ? s.unknown : m.key, m.count]), lang)}`)}
${figure(s.categories, cats, `<p class="wagner">${esc(s.wagner)}: <strong>${fmtNumber(tables.wagner, lang)}</strong></p>${dataTable(s.table, tables.byCategory.map((c) => [categoryName(c.key as Category, lang), c.count]), lang)}`)}
${figure(s.regions, tiles, `<p>${esc(s.mapNote)}</p>${dataTable(s.table, regionRows, lang)}`)}
${figure(s.ages, ages, dataTable(s.table, tables.byAgeBand.map((a) => [a.key === 'unknown' ? s.unknown : a.key, a.count]), lang))}
<section><h2>${esc(s.ranks)}</h2><table class="ranks">${ranks}</table></section>
<section id="names"><h2>${esc(s.names)}</h2>
<form action="search.html" method="get" role="search"><input type="search" name="q" placeholder="${esc(s.searchPlaceholder)}" aria-label="${esc(s.search)}"> <button type="submit">${esc(s.searchButton)}</button></form>
<ol class="names">
${names}
</ol>
<p><a href="list/1.html">${esc(s.allNames)} (${fmtNumber(ctx.pageCount, lang)} ${esc(s.page.toLowerCase())})</a></p>
</section>
<section><h2>${esc(s.data)}</h2><ul><li><a href="../data/persons.csv">persons.csv</a></li><li><a href="../data/persons.json">persons.json</a></li><li><a href="../data/tables.json">tables.json</a></li><li><a href="../data/diff.json">diff.json</a></li></ul></section>`;
  return renderPage({ lang, path: 'index.html', title: `${s.siteTitle} — ${fmtDate(tables.date, lang)}`, body, ctx });
}
