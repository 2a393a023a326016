import { displayName } from '../../../core/release/release.diff.js';
import type { PublicPerson } from '../../../core/release/release.schemas.js';
import { esc, fmtNumber, fmtPartialDate, regionName } from './html.js';
import { categoryName, t } from './i18n.js';
import type { Lang, RegionTile } from './site.types.js';

/** The anchor of a person's card on its list page. */
export function cardAnchor(id: string): string {
  return `p-${id}`;
}

/** A name as the list and search show it: id, display name, Latin form and list page. */
export interface NameRef {
  id: string;
  name: string;
  latin: string;
  page: number;
}

/** The list entry of a person. */
export function nameRef(p: PublicPerson, page: number): NameRef {
  return { id: p.id, name: displayName(p), latin: p.nameLatin, page };
}

/** One line of the name list linking to the person's card (`hrefPrefix` leads to the list folder). */
export function nameItem(n: NameRef, lang: Lang, hrefPrefix = 'list/'): string {
  const latin = lang === 'en' && n.latin !== '' ? ` <span class="latin">(${esc(n.latin)})</span>` : '';
  return `<li><a href="${hrefPrefix}${n.page}.html#${cardAnchor(n.id)}">${esc(n.name)}</a>${latin}</li>`;
}

/** A person's public card: name, dates, region, category, rank, unit and source links. */
export function personCard(p: PublicPerson, lang: Lang, regions: readonly RegionTile[]): string {
  const s = t(lang);
  const row = (k: string, v: string): string => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const died = esc(fmtPartialDate(p.deathDate, lang)) + (p.deathDateFromSource ? ` <small>(${esc(s.dateFromSource)})</small>` : '');
  const sources = p.sources.map((u) => `<li><a href="${esc(u)}" rel="nofollow noopener noreferrer">${esc(u)}</a></li>`).join('');
  return `<article class="card" id="${cardAnchor(p.id)}">
<h3>${esc(displayName(p))}</h3>${p.nameLatin !== '' ? `<p class="latin" lang="en">${esc(p.nameLatin)}</p>` : ''}
<dl>${p.birthDate ? row(s.born, esc(fmtPartialDate(p.birthDate, lang))) : ''}${row(s.died, died)}${p.ageAtDeath !== null ? row(s.age, fmtNumber(p.ageAtDeath, lang)) : ''}${row(s.region, esc(regionName(p.region, lang, regions)))}${row(s.category, esc(categoryName(p.category, lang)))}${p.rank !== null ? row(s.rank, esc(p.rank)) : ''}${p.unit !== null ? row(s.unit, esc(p.unit)) : ''}</dl>
${sources !== '' ? `<details><summary>${esc(s.sources)} (${p.sources.length})</summary><ul class="sources">${sources}</ul></details>` : ''}
</article>`;
}
