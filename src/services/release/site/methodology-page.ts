import type { ChangedEntry, DiffEntry, ReleaseDiff } from '../../../core/release/release.diff.js';
import type { ReleaseInput } from '../../../core/release/release.schemas.js';
import { esc, fmtDate, fmtNumber, renderPage } from './html.js';
import { t } from './i18n.js';
import type { Lang, SiteContext } from './site.types.js';

/** Plain text as paragraphs (blank-line separated); never interpreted as HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${esc(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

const DIFF_SHOWN = 500;

function diffList(title: string, entries: readonly (DiffEntry & { fields?: ChangedEntry['fields'] })[], lang: Lang): string {
  if (entries.length === 0) return '';
  const items = entries.slice(0, DIFF_SHOWN).map((e) => {
    const fields = e.fields ? ` (${e.fields.map((f) => esc(f.field)).join(', ')})` : '';
    return `<li><code>${esc(e.id)}</code> ${esc(e.name)}${fields}: ${esc(e.reason)}</li>`;
  });
  const more = entries.length > DIFF_SHOWN ? `<p>… ${fmtNumber(entries.length - DIFF_SHOWN, lang)} → diff.json</p>` : '';
  return `<h3>${esc(title)}</h3><ul class="diff">${items.join('')}</ul>${more}`;
}

/** The methodology page: the confirmation rule in force, the release note, estimate, diff and how to verify. */
export function methodologyPage(lang: Lang, input: ReleaseInput, diff: ReleaseDiff, ctx: SiteContext): string {
  const s = t(lang);
  const e = input.estimate;
  const estimate = e
    ? `<section><h2>${esc(s.estimate)}</h2><p>${fmtNumber(e.estimate, lang)} (${fmtNumber(e.lower, lang)}–${fmtNumber(e.upper, lang)}), ${esc(e.method)}, ${fmtDate(e.date, lang)}</p><h3>${esc(s.assumptions)}</h3><ul>${e.assumptions.map((a) => `<li>${esc(a)}</li>`).join('')}</ul></section>`
    : '';
  const cp = input.checkpoint;
  const checkpoint = cp
    ? `<dl><dt>size</dt><dd>${cp.size}</dd><dt>root hash</dt><dd><code>${esc(cp.rootHash)}</code></dd><dt>key id</dt><dd><code>${esc(cp.keyId)}</code></dd><dt>signature</dt><dd><code class="wrap">${esc(cp.signature)}</code></dd></dl><p><a href="../checkpoint.json">checkpoint.json</a></p>`
    : `<p>${esc(s.noCheckpoint)}</p>`;
  const body = `<h1>${esc(s.methodology)}</h1>
<section><h2>${esc(s.rule)} ${esc(input.rule.version)}</h2>${textToHtml(input.rule.text)}</section>
<section><h2>${esc(s.note)}</h2>${textToHtml(input.note)}</section>
${estimate}
<section><h2>${esc(s.diff)}</h2><p>${diff.from !== null ? `${fmtDate(diff.from, lang)} → ` : ''}${fmtDate(diff.to, lang)}: ${esc(s.added)} ${fmtNumber(diff.added.length, lang)}, ${esc(s.removed)} ${fmtNumber(diff.removed.length, lang)}, ${esc(s.changed)} ${fmtNumber(diff.changed.length, lang)} · <a href="../data/diff.json">diff.json</a></p>${diffList(s.removed, diff.removed, lang)}${diffList(s.changed, diff.changed, lang)}</section>
<section><h2>${esc(s.checkpoint)}</h2>${checkpoint}</section>
<section><h2>${esc(s.verify)}</h2><p><code>reckon verify-release DIR --key public-key.pem</code></p><p>${esc(s.key)}: <code class="fingerprint">${esc(ctx.fingerprint)}</code></p></section>`;
  return renderPage({ lang, path: 'methodology.html', title: `${s.methodology} — ${fmtDate(ctx.date, lang)}`, body, ctx });
}
