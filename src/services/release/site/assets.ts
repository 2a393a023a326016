/** The site's only stylesheet (no inline styles anywhere: the CSP forbids them). */
export const STYLE_CSS = `:root{--ink:#1d1d1d;--muted:#666;--accent:#8a1c1c;--line:#ddd}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:960px;margin:0 auto;padding:0 12px}
header nav{display:flex;flex-wrap:wrap;gap:4px 16px;padding:10px 0;border-bottom:1px solid var(--line)}
header .brand{font-weight:700;color:var(--accent)}
a{color:var(--accent)}
h1{font-size:1.6rem;margin:.8rem 0}
.headline{font-size:1.3rem}.headline strong{font-size:3rem;display:block;line-height:1.1;color:var(--accent)}
figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto}
.tile-map{min-width:480px}.tile-map text{font-size:9px;fill:#222}.tile-map .tile-count{font-size:11px;font-weight:700}.tile-map .dark text{fill:#fff}
.names{columns:18rem;padding-left:2rem}
.card{border-top:1px solid var(--line);padding:8px 0}.card h3{margin:.2rem 0}
.card dl{display:flex;flex-wrap:wrap;gap:2px 6px;margin:.3rem 0}.card dt{color:var(--muted)}.card dt::after{content:":"}.card dd{margin:0 14px 0 0}
.latin{color:var(--muted);margin:0}
.sources{word-break:break-all}
.pager{margin:12px 0;display:flex;flex-wrap:wrap;gap:6px}
table.ranks td,table.data td{text-align:right;padding-left:16px}table.data th{text-align:left;font-weight:400}
code.wrap,.fingerprint{word-break:break-all}
footer{border-top:1px solid var(--line);margin-top:24px;color:var(--muted);font-size:.85rem}
.static-note{color:var(--muted)}
[hidden]{display:none}
`;

/**
 * Progressive enhancement for the static mirror's search page: loads data/search-index.json
 * and lists matching names. Folding matches foldForSearch/matchesQuery in core/release.
 */
export const SEARCH_JS = `'use strict';
(function () {
  var form = document.getElementById('q');
  var list = document.getElementById('results');
  var summary = document.getElementById('search-summary');
  var note = document.getElementById('static-note');
  if (!form || !list || !summary) return;
  if (note) note.hidden = true;
  var q = new URLSearchParams(location.search).get('q') || '';
  form.value = q;
  function fold(s) {
    return s.toLowerCase().replace(/ё/g, 'е').replace(/[\\u00C0-\\u024F]/g, function (c) {
      return c.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '');
    });
  }
  function tokens(s) { return fold(s).split(/[^\\p{L}\\p{N}]+/u).filter(function (x) { return x.length > 0; }); }
  var want = tokens(q);
  if (want.length === 0) return;
  var en = document.documentElement.lang === 'en';
  fetch('../data/search-index.json').then(function (r) { return r.json(); }).then(function (rows) {
    var hits = [];
    var total = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var have = tokens(row[1] + ' ' + row[2]);
      var ok = want.every(function (w) { return have.some(function (h) { return h.indexOf(w) === 0; }); });
      if (!ok) continue;
      total++;
      if (hits.length < 100) hits.push(row);
    }
    hits.forEach(function (row) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = 'list/' + row[3] + '.html#p-' + row[0];
      a.textContent = row[1];
      li.appendChild(a);
      if (en && row[2]) { var span = document.createElement('span'); span.className = 'latin'; span.textContent = ' (' + row[2] + ')'; li.appendChild(span); }
      list.appendChild(li);
    });
    summary.textContent = total === 0 ? summary.dataset.none : summary.dataset.found + ': ' + total;
  });
})();
`;
