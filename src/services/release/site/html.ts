import type { PartialDate } from '../../../core/release/release.schemas.js';
import { t } from './i18n.js';
import type { Lang, RegionTile, SiteContext } from './site.types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A whole number grouped by thousands: `12 345` (Russian, no-break space) or `12,345`. */
export function fmtNumber(n: number, lang: Lang): string {
  const s = String(Math.round(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',');
}

/** A yyyy-mm-dd date as dd.mm.yyyy (ru) or as is (en). */
export function fmtDate(iso: string, lang: Lang): string {
  return lang === 'ru' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

/** A partial date as the source gave it, e.g. "март 2023". */
export function fmtPartialDate(d: PartialDate | null, lang: Lang): string {
  if (d === null) return t(lang).unknown;
  if (d.precision === 'day' && d.from !== null) return fmtDate(d.from, lang);
  return d.text !== '' ? d.text : t(lang).unknown;
}

/** The display name of a region code in a language (FOREIGN, UNKNOWN and codes without a tile too). */
export function regionName(code: string, lang: Lang, regions: readonly RegionTile[]): string {
  if (code === 'FOREIGN') return t(lang).foreign;
  if (code === 'UNKNOWN') return t(lang).unknown;
  const r = regions.find((x) => x.code === code);
  if (!r) return code;
  return lang === 'ru' ? r.nameRu : r.nameEn;
}

export interface PageSpec {
  lang: Lang;
  /** Path of the page inside its language folder, e.g. `index.html` or `list/2.html`. */
  path: string;
  title: string;
  body: string;
  ctx: SiteContext;
  /** Extra script files (relative to the site root), loaded with `defer`. */
  scripts?: readonly string[];
}

/** Relative prefix from a page in `<lang>/<path>` back to the site root. */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length);
}

function footer(lang: Lang, root: string, ctx: SiteContext): string {
  const s = t(lang);
  return `<footer>
<p>${esc(s.release)} <time datetime="${ctx.date}">${fmtDate(ctx.date, lang)}</time> · ${esc(s.rule)} ${esc(ctx.ruleVersion)} · <a href="methodology.html">${esc(s.methodology)}</a></p>
<p>${esc(s.key)}: <code class="fingerprint">${esc(ctx.fingerprint)}</code> · <a href="${root}public-key.pem">public-key.pem</a> · <a href="${root}manifest.json">manifest.json</a> · <a href="${root}manifest.sig">manifest.sig</a></p>
</footer>`;
}

/** A complete HTML page: no inline script or style, relative links so a mirror works anywhere. */
export function renderPage(spec: PageSpec): string {
  const { lang, path, ctx } = spec;
  const s = t(lang);
  const root = rootOf(path);
  const inLang = root.slice(3);
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  const scripts = (spec.scripts ?? []).map((src) => `<script src="${root}${src}" defer></script>\n`).join('');
  const fix = (href: string): string => (inLang === '' ? href : `${inLang}${href}`);
  return `<!doctype html>
<html lang="${s.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.title)}</title>
<link rel="stylesheet" href="${root}assets/style.css">
<link rel="alternate" hreflang="${other}" href="${root}${other}/${path}">
${scripts}</head>
<body>
<header><nav><a href="${fix('index.html')}" class="brand">${esc(s.siteTitle)}</a> <a href="${fix('list/1.html')}">${esc(s.allNames)}</a> <a href="${fix('search.html')}">${esc(s.search)}</a> <a href="${fix('methodology.html')}">${esc(s.methodology)}</a> <a href="${root}${other}/${path}" hreflang="${other}" lang="${other}">${esc(s.otherLang)}</a></nav></header>
<main>
${spec.body}
</main>
${footer(lang, root, ctx).replace('href="methodology.html"', `href="${fix('methodology.html')}"`)}
</body>
</html>
`;
}
