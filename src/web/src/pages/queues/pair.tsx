import { useId, useState, type ReactNode } from 'react';
import {
  decidePair,
  duplicates,
  pairDetail,
  type PairDecision,
  type PairDetail,
  type QueuePair,
} from '../../api/queues.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useLoad } from '../../components/use-load.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { common } from '../../i18n/common.js';
import { fieldText } from '../../i18n/fields.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { queuesText } from '../../i18n/queues.js';
import { Link, useLocation, useNavigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { useCan } from '../../session.js';
import { isCategory, regionName } from './labels.js';
import { pairPath, percent } from './pair-math.js';
import { PairWaterfall, ShortcutLegend, usePairKeys, type PairKey } from './pair-parts.js';

const QUEUE_WINDOW = 500;
const DECISIONS: readonly PairDecision[] = ['same', 'different', 'unsure'];
const isDecision = (v: string | null): v is PairDecision =>
  v !== null && (DECISIONS as readonly string[]).includes(v);
const personPath = (id: string): string => `/persons/${encodeURIComponent(id)}`;

/** The two records in one table, a row per fact; rows whose values differ are marked. */
function Compare({ detail }: { detail: PairDetail }): ReactNode {
  const t = useT(queuesText);
  const tf = useT(fieldText);
  const { lang } = useLang();
  const { a, b } = detail;
  const category = (c: string): string => (isCategory(c) ? t(`category.${c}`) : c);
  const rows: [string, string, ReactNode, ReactNode, boolean][] = [
    ['name', tf('name'), a.name, b.name, a.name !== b.name],
    ['birth', t('born'), a.birth ?? '—', b.birth ?? '—', a.birth !== b.birth],
    ['death', t('died'), a.death ?? '—', b.death ?? '—', a.death !== b.death],
    ['region', t('region'), regionName(a.region, lang), regionName(b.region, lang), a.region !== b.region],
    ['category', t('category'), category(a.category), category(b.category), a.category !== b.category],
    [
      'verification',
      tf('verification'),
      <VerificationBadge key="a" state={a.verification} />,
      <VerificationBadge key="b" state={b.verification} />,
      a.verification !== b.verification,
    ],
  ];
  return (
    <div className="table-wrap">
      <table className="compare" data-testid="compare">
        <caption className="sr-only">{t('compare')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">
              {t('personA')} ·{' '}
              <Link to={personPath(a.id)} data-testid="open-a">
                {t('openPerson')}
              </Link>
            </th>
            <th scope="col">
              {t('personB')} ·{' '}
              <Link to={personPath(b.id)} data-testid="open-b">
                {t('openPerson')}
              </Link>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, va, vb, differs]) => (
            <tr key={key} className={differs ? 'differs' : ''}>
              <th scope="row">{label}</th>
              <td data-side="a">{va}</td>
              <td data-side="b">{vb}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What happened to the previous pair, carried in the address after a decision opens the next one. */
function LastDecision(): ReactNode {
  const t = useT(queuesText);
  const { search } = useLocation();
  const last = search.get('last');
  if (!isDecision(last)) return null;
  const kept = search.get('kept');
  const merged = search.get('merged');
  return (
    <div className="notice" role="status" data-testid="last-decision" data-decision={last}>
      <p>{t(`last.${last}`)}</p>
      {last === 'same' && kept !== null && merged !== null && (
        <p>
          {t('undoHint')} <Link to={personPath(merged)}>{t('openMerged')}</Link> ·{' '}
          <Link to={personPath(kept)}>{t('openKept')}</Link>
        </p>
      )}
    </div>
  );
}

/**
 * One duplicate pair: both records side by side, the comparison waterfall, and same / different / unsure by
 * button or key (S, D, U; J/K or arrows move through the queue). After a decision the next pair opens.
 */
export function PairPage({ params }: PageProps): ReactNode {
  const t = useT(queuesText);
  const tc = useT(common);
  const can = useCan();
  const navigate = useNavigate();
  const { search } = useLocation();
  const reasonId = useId();
  const pairId = params.pairId ?? '';
  const unsure = search.get('unsure') === '1';
  const detail = useLoad((signal) => pairDetail(pairId, signal), [pairId]);
  const queue = useLoad(
    (signal) => duplicates({ includeUnsure: unsure, limit: QUEUE_WINDOW }, signal),
    [unsure],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const mayDecide = can('pair.decide');

  const list: QueuePair[] = queue.data?.pairs ?? [];
  const at = list.findIndex((p) => p.pair === pairId);
  const previous = at > 0 ? list[at - 1] : undefined;
  const next = at >= 0 ? list[at + 1] : list.find((p) => p.pair !== pairId);
  const state = detail.data?.pair.state ?? 'pending';
  const open = state === 'pending' || state === 'unsure';

  const decide = async (decision: PairDecision): Promise<void> => {
    const d = detail.data;
    if (busy || !mayDecide || d === null || !open) return;
    setBusy(true);
    setError(null);
    try {
      const result = await decidePair(pairId, decision, reason);
      // The queue after the decision (a merge can take other pairs with it): the first pair that came after this one, else any.
      const fresh = (await duplicates({ includeUnsure: unsure, limit: QUEUE_WINDOW })).pairs;
      const later = new Set(at >= 0 ? list.slice(at + 1).map((p) => p.pair) : []);
      const following = fresh.find((p) => later.has(p.pair)) ?? fresh.find((p) => p.pair !== pairId);
      const q = new URLSearchParams();
      if (unsure) q.set('unsure', '1');
      q.set('last', decision);
      if (result.kept !== undefined) {
        q.set('kept', result.kept);
        q.set('merged', result.kept === d.pair.person_a ? d.pair.person_b : d.pair.person_a);
      }
      if (following === undefined) navigate(`/queues/duplicates?done=1${unsure ? '&unsure=1' : ''}`);
      else navigate(`${pairPath(following.pair, false)}?${q.toString()}`);
    } catch (e) {
      setError(e);
      setBusy(false);
      detail.reload();
    }
  };

  usePairKeys((key: PairKey) => {
    if (key === 'next') {
      if (next !== undefined && !busy) navigate(pairPath(next.pair, unsure));
    } else if (key === 'previous') {
      if (previous !== undefined && !busy) navigate(pairPath(previous.pair, unsure));
    } else void decide(key);
  });

  const d = detail.data;
  return (
    <section className="page pair-page" data-testid="pair-page" data-pair={pairId} data-state={state}>
      <LastDecision />
      <div className="row-between">
        <h1>{t('pairTitle')}</h1>
        <span className="muted" data-testid="position">
          {queue.data === null
            ? ''
            : at >= 0
              ? t('position', { i: at + 1, n: list.length })
              : t('positionOut')}
        </span>
      </div>
      <nav className="actions pair-nav" aria-label={t('dupTitle')}>
        <Link to={`/queues/duplicates${unsure ? '?unsure=1' : ''}`}>{t('backToList')}</Link>
        <button
          type="button"
          disabled={previous === undefined || busy}
          onClick={() => {
            if (previous !== undefined) navigate(pairPath(previous.pair, unsure));
          }}
        >
          ← {t('previousPair')}
        </button>
        <button
          type="button"
          disabled={next === undefined || busy}
          onClick={() => {
            if (next !== undefined) navigate(pairPath(next.pair, unsure));
          }}
        >
          {t('nextPair')} →
        </button>
      </nav>
      <ErrorMessage error={detail.error ?? queue.error} />
      {detail.loading && d === null && <p className="muted">{tc('loading')}</p>}
      {d !== null && (
        <>
          {!open && (
            <p className="warn" data-testid="decided">
              {t('decided', { state: t(`state.${state === 'same' ? 'same' : 'different'}`) })}
            </p>
          )}
          <p className="pair-probability">
            <span className="badge">{t('likely', { p: percent(d.explanation.probability) })}</span>
          </p>
          <Compare detail={d} />
          <section className="panel" aria-labelledby="decision-title">
            <h2 id="decision-title">{t('decisionTitle')}</h2>
            {mayDecide ? (
              <form
                className="form"
                onSubmit={(e) => {
                  e.preventDefault();
                }}
              >
                <div className="actions decisions">
                  {DECISIONS.map((decision) => (
                    <button
                      key={decision}
                      type="button"
                      className={decision === 'same' ? 'primary' : decision === 'different' ? 'danger' : ''}
                      disabled={busy || !open}
                      data-testid={`decide-${decision}`}
                      aria-keyshortcuts={decision[0]?.toUpperCase()}
                      onClick={() => void decide(decision)}
                    >
                      {t(decision)} <kbd>{decision[0]?.toUpperCase()}</kbd>
                    </button>
                  ))}
                </div>
                {busy && (
                  <p className="muted" role="status">
                    {t('deciding')}
                  </p>
                )}
                <ErrorMessage error={error} />
                <label htmlFor={reasonId}>
                  {t('reasonOptional')}
                  <input
                    id={reasonId}
                    name="reason"
                    value={reason}
                    maxLength={2000}
                    autoComplete="off"
                    onChange={(e) => {
                      setReason(e.target.value);
                    }}
                  />
                  <small>{t('reasonOptionalHint')}</small>
                </label>
              </form>
            ) : (
              <p className="muted">{t('viewerOnly')}</p>
            )}
          </section>
          <section aria-labelledby="waterfall-title">
            <h2 id="waterfall-title">{t('waterfallTitle')}</h2>
            <p className="muted">{t('waterfallIntro')}</p>
            <PairWaterfall explanation={d.explanation} />
          </section>
        </>
      )}
      <ShortcutLegend decide={mayDecide} />
    </section>
  );
}
