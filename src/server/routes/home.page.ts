import type { PersonSummary } from '../../services/person/person.schemas.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The minimal page listing persons, rendered on the server (works without JavaScript). */
export function renderHomePage(persons: PersonSummary[], total: number, q: string, demo: boolean): string {
  const rows = persons
    .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.birth ?? '')}</td><td>${escapeHtml(p.death ?? '')}</td><td>${escapeHtml(p.region)}</td><td>${escapeHtml(p.category)}</td><td>${escapeHtml(p.verification)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reckon register</title></head>
<body>
<h1>Reckon register</h1>
${demo ? '<p><strong>Demo register: every person here is synthetic and fictional.</strong></p>' : ''}
<p>${total} persons in the register.</p>
<form method="get" action="/register"><label>Search names <input name="q" value="${escapeHtml(q)}"></label> <button>Search</button></form>
<table><thead><tr><th>Name</th><th>Born</th><th>Died</th><th>Region</th><th>Category</th><th>Verification</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>`;
}
