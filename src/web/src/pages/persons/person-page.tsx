import type { ReactNode } from 'react';
import { getPerson, personHistory } from '../../api/persons.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useLoad } from '../../components/use-load.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { common } from '../../i18n/common.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { useCan } from '../../session.js';
import { PendingEdits } from '../edits/pending-on-person.js';
import { AliasesList } from './aliases-list.js';
import { EditPanel } from './edit-panel.js';
import { FactsTable } from './facts-table.js';
import { HistoryList } from './history-list.js';
import { MergePanel } from './merge-panel.js';
import { VerificationPanel } from './verification-panel.js';

function nameOf(p: {
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
  id: string;
}): string {
  const parts = [p.surname, p.given_name, p.patronymic].filter((x): x is string => x !== null && x !== '');
  return parts.length > 0 ? parts.join(' ') : (p.full_name ?? p.id);
}

/** One person: every fact with its sources, verification, merge/split, corrections and the history. */
export function PersonPage({ params }: PageProps): ReactNode {
  const id = params.id ?? '';
  const t = useT(personsText);
  const tc = useT(common);
  const can = useCan();
  const detail = useLoad(() => getPerson(id), [id]);
  const history = useLoad(() => personHistory(id), [id]);
  const changed = (): void => {
    detail.reload();
    history.reload();
  };
  if (detail.error !== null) {
    return (
      <section className="page">
        <ErrorMessage error={detail.error} />
        <p>
          <Link to="/persons">{tc('nav.persons')}</Link>
        </p>
      </section>
    );
  }
  if (detail.data === null) return <p className="page loading">{tc('loading')}</p>;
  const d = detail.data;
  const p = d.person;
  return (
    <section className="page" data-person={p.id}>
      <h1>
        {nameOf(p)} <VerificationBadge state={p.verification} />
      </h1>
      <p className="muted">
        {t('entered', { who: p.created_by ?? '?', date: p.created_at.slice(0, 10) })} · <code>{p.id}</code>
      </p>
      {p.merged_into !== null && (
        <p className="warn">
          {t('mergedInto')}{' '}
          <Link to={`/persons/${encodeURIComponent(p.merged_into)}`}>{t('openMerged')}</Link>
        </p>
      )}
      <AliasesList aliases={d.aliases} />
      {history.data !== null && <PendingEdits events={history.data.events} />}
      <h2>{t('facts')}</h2>
      <FactsTable detail={d} onChanged={changed} />
      <VerificationPanel detail={d} onChanged={changed} />
      {can('person.merge') && <MergePanel detail={d} onChanged={changed} />}
      {can('person.edit') && p.merged_into === null && <EditPanel detail={d} onChanged={changed} />}
      <h2>{t('history')}</h2>
      <p className="muted">{t('historyIntro')}</p>
      <ErrorMessage error={history.error} />
      {history.data !== null && (
        <HistoryList
          personId={p.id}
          events={history.data.events}
          confirmed={p.verification === 'confirmed'}
          onChanged={changed}
        />
      )}
    </section>
  );
}
