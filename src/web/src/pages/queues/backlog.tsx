import type { ReactNode } from 'react';
import { backlog } from '../../api/queues.js';
import { SOURCE_KIND_LIST, type SourceKind } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Pager, pageCount } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { common } from '../../i18n/common.js';
import { fieldText } from '../../i18n/fields.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { intakeText } from '../../i18n/intake.js';
import { queuesText } from '../../i18n/queues.js';
import { REGION_GROUP_NAMES, REGION_BY_CODE } from '../../../../core/regions/region.js';
import { Link, useLocation, useNavigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { CATEGORY_LIST, isCategory, regionGroups, regionName } from './labels.js';

const LIMIT = 50;

const isKind = (v: string): v is SourceKind => (SOURCE_KIND_LIST as readonly string[]).includes(v);

/** Reported deaths awaiting verification, oldest first, filtered by region, category and source kind (kept in the address). */
export function BacklogPage(_props: PageProps): ReactNode {
  const t = useT(queuesText);
  const tf = useT(fieldText);
  const ti = useT(intakeText);
  const tc = useT(common);
  const { lang } = useLang();
  const { search } = useLocation();
  const navigate = useNavigate();
  const region = REGION_BY_CODE.has(search.get('region') ?? '') ? (search.get('region') ?? '') : '';
  const category = search.get('category') ?? '';
  const sourceKind = search.get('sourceKind') ?? '';
  const offset = Math.max(0, Number(search.get('offset') ?? '0') || 0);
  const go = (next: { region?: string; category?: string; sourceKind?: string; offset?: number }): void => {
    const p = new URLSearchParams();
    const values = { region, category, sourceKind, ...next };
    for (const key of ['region', 'category', 'sourceKind'] as const)
      if (values[key] !== '') p.set(key, values[key]);
    if ((next.offset ?? 0) > 0) p.set('offset', String(next.offset));
    const qs = p.toString();
    navigate(`/queues/backlog${qs === '' ? '' : `?${qs}`}`, { replace: true });
  };
  const query = {
    limit: LIMIT + 1,
    offset,
    ...(region === '' ? {} : { region }),
    ...(isCategory(category) ? { category } : {}),
    ...(isKind(sourceKind) ? { sourceKind } : {}),
  };
  const loaded = useLoad((signal) => backlog(query, signal), [region, category, sourceKind, offset]);
  const all = loaded.data?.persons ?? [];
  const more = all.length > LIMIT;
  const list = all.slice(0, LIMIT);
  const filtered = region !== '' || category !== '' || sourceKind !== '';
  const count = pageCount(tc, loaded.data === null ? null : list.length, offset, more);
  return (
    <section className="page">
      <h1>{t('backlogTitle')}</h1>
      <p className="muted">{t('backlogIntro')}</p>
      <form
        className="form panel"
        aria-label={t('filters')}
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <div className="grid-3">
          <label>
            {t('region')}
            <select
              name="region"
              value={region}
              onChange={(e) => {
                go({ region: e.target.value });
              }}
            >
              <option value="">{t('anyRegion')}</option>
              {regionGroups(lang).map((g) => (
                <optgroup key={g.group} label={REGION_GROUP_NAMES[g.group][lang]}>
                  {g.regions.map((r) => (
                    <option key={r.code} value={r.code}>
                      {regionName(r.code, lang)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            {t('category')}
            <select
              name="category"
              value={category}
              onChange={(e) => {
                go({ category: e.target.value });
              }}
            >
              <option value="">{t('anyCategory')}</option>
              {CATEGORY_LIST.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sourceKind')}
            <select
              name="sourceKind"
              value={sourceKind}
              onChange={(e) => {
                go({ sourceKind: e.target.value });
              }}
            >
              <option value="">{t('anySourceKind')}</option>
              {SOURCE_KIND_LIST.map((k) => (
                <option key={k} value={k}>
                  {ti(`kind.${k}`)}
                </option>
              ))}
            </select>
            <small>{t('sourceKindHint')}</small>
          </label>
        </div>
        {filtered && (
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                navigate('/queues/backlog', { replace: true });
              }}
            >
              {t('clearFilters')}
            </button>
          </div>
        )}
      </form>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && <p className="muted">{tc('loading')}</p>}
      {count !== '' && (
        <p className="count" data-testid="backlog-count" role="status">
          {count}
        </p>
      )}
      {!loaded.loading && loaded.error === null && list.length === 0 && <p>{t('backlogEmpty')}</p>}
      {list.length > 0 && (
        <ol className="list queue-list" data-testid="backlog" start={offset + 1}>
          {list.map((p) => (
            <li key={p.id} data-person={p.id}>
              <div className="row-between">
                <Link to={`/persons/${encodeURIComponent(p.id)}`}>
                  <strong>{p.name || p.id}</strong>
                </Link>
                <VerificationBadge state={p.verification} />
              </div>
              <dl className="facts compact">
                {p.birth !== null && p.birth !== '' && (
                  <>
                    <dt>{tf('birth')}</dt>
                    <dd>{p.birth}</dd>
                  </>
                )}
                {p.death !== null && p.death !== '' && (
                  <>
                    <dt>{tf('death')}</dt>
                    <dd>{p.death}</dd>
                  </>
                )}
                <dt>{t('region')}</dt>
                <dd data-region={p.region}>{regionName(p.region, lang)}</dd>
                <dt>{t('category')}</dt>
                <dd data-category={p.category}>
                  {isCategory(p.category) ? t(`category.${p.category}`) : p.category}
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      <Pager
        offset={offset}
        limit={LIMIT}
        more={more}
        onChange={(o) => {
          go({ offset: o });
        }}
      />
    </section>
  );
}
