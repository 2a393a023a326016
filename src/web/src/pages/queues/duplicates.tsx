import type { ReactNode } from 'react';
import { duplicates, type QueuePair } from '../../api/queues.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Pager } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { common } from '../../i18n/common.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { queuesText } from '../../i18n/queues.js';
import { Link, useLocation, useNavigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { regionName } from './labels.js';
import { pairPath, percent } from './pair-math.js';

const LIMIT = 50;

function Side({ person }: { person: QueuePair['a'] }): ReactNode {
  const { lang } = useLang();
  return (
    <span className="pair-side">
      <strong>{person.name || person.id}</strong>
      <span className="muted">
        {' '}
        {[person.birth, person.death, regionName(person.region, lang)]
          .filter((x) => x !== null && x !== '')
          .join(' · ')}
      </span>
    </span>
  );
}

/** The duplicate-review queue, likeliest first; each pair opens the review page (keyboard driven). */
export function DuplicatesPage(_props: PageProps): ReactNode {
  const t = useT(queuesText);
  const tc = useT(common);
  const { search } = useLocation();
  const navigate = useNavigate();
  const unsure = search.get('unsure') === '1';
  const offset = Math.max(0, Number(search.get('offset') ?? '0') || 0);
  const done = search.get('done') === '1';
  const go = (next: { unsure?: boolean; offset?: number }): void => {
    const p = new URLSearchParams();
    if (next.unsure ?? unsure) p.set('unsure', '1');
    if ((next.offset ?? 0) > 0) p.set('offset', String(next.offset));
    const qs = p.toString();
    navigate(`/queues/duplicates${qs === '' ? '' : `?${qs}`}`, { replace: true });
  };
  const loaded = useLoad(
    (signal) => duplicates({ includeUnsure: unsure, limit: LIMIT + 1, offset }, signal),
    [unsure, offset],
  );
  const all = loaded.data?.pairs ?? [];
  const more = all.length > LIMIT;
  const list = all.slice(0, LIMIT);
  const first = list[0];
  return (
    <section className="page">
      <h1>{t('dupTitle')}</h1>
      <p className="muted">{t('dupIntro')}</p>
      {done && (
        <p className="notice" role="status">
          {t('queueDone')}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          name="unsure"
          checked={unsure}
          onChange={(e) => {
            go({ unsure: e.target.checked });
          }}
        />{' '}
        {t('includeUnsure')}
      </label>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && <p className="muted">{tc('loading')}</p>}
      {loaded.data !== null && (
        <p className="count" data-testid="duplicates-count" role="status">
          {more ? t('dupCountMore', { n: offset + LIMIT }) : t('dupCount', { n: offset + list.length })}
        </p>
      )}
      {!loaded.loading && loaded.error === null && list.length === 0 && <p>{t('dupEmpty')}</p>}
      {first !== undefined && (
        <div className="actions">
          <Link className="button primary" to={pairPath(first.pair, unsure)} data-testid="start-review">
            {t('start')}
          </Link>
        </div>
      )}
      {list.length > 0 && (
        <ol className="list queue-list" data-testid="duplicates" start={offset + 1}>
          {list.map((p) => (
            <li key={p.pair} data-pair={p.pair}>
              <div className="row-between">
                <span className="badge">{t('likely', { p: percent(p.probability) })}</span>
                {p.state === 'unsure' && <span className="badge disputed">{t('state.unsure')}</span>}
              </div>
              <div className="pair-line">
                <Side person={p.a} />
                <span aria-hidden="true">↔</span>
                <Side person={p.b} />
              </div>
              <Link to={pairPath(p.pair, unsure)}>{t('review')}</Link>
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
