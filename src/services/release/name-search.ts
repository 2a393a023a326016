import { matchesQuery, searchTokens } from '../../core/release/release.search.js';
import type { NameRef } from './site/person-card.js';
import { SEARCH_LIMIT, type SearchResults } from './site/search-page.js';

const PREFIX = 2;

/**
 * In-memory name search over the listed names (surname, given name, patronymic, Latin form).
 * Names are bucketed by the first letters of each word, so a query scans only the names that
 * share the rarest query word's start, not the whole register.
 */
export class NameSearch {
  private readonly tokens: string[][];
  private readonly buckets = new Map<string, number[]>();

  constructor(private readonly names: readonly NameRef[]) {
    this.tokens = names.map((n) => [...new Set(searchTokens(`${n.name} ${n.latin}`))]);
    this.tokens.forEach((tokens, i) => {
      const keys = new Set(tokens.flatMap((t) => [t.slice(0, 1), t.slice(0, PREFIX)]));
      for (const k of keys) {
        const list = this.buckets.get(k);
        if (list) list.push(i);
        else this.buckets.set(k, [i]);
      }
    });
  }

  /** Names matching every word of the query (prefixes, any case, ё = е), in list order. */
  search(query: string, limit = SEARCH_LIMIT): SearchResults {
    const q = searchTokens(query.slice(0, 200)).slice(0, 8);
    const hits: NameRef[] = [];
    let total = 0;
    if (q.length === 0) return { query, total, hits };
    const candidates = q.map((t) => this.buckets.get(t.slice(0, PREFIX)) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
    for (const i of candidates) {
      if (!matchesQuery(q, this.tokens[i] ?? [])) continue;
      total += 1;
      const n = this.names[i];
      if (n && hits.length < limit) hits.push(n);
    }
    return { query, total, hits };
  }
}
