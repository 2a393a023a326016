import { useState, type ReactNode } from 'react';
import { approveEdit, declineEdit, pendingEdits, type PendingEdit } from '../../api/edits.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Pager, pageCount } from '../../components/pager.js';
import { ReasonAction } from '../../components/reason-action.js';
import { useLoad } from '../../components/use-load.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { common } from '../../i18n/common.js';
import { editsText } from '../../i18n/edits.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link, useLocation, useNavigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { useUser } from '../../session.js';
import { when } from '../import/format.js';
import { EditChange, useFieldName } from './edit-change.js';

const LIMIT = 50;
const personPath = (id: string): string => `/persons/${encodeURIComponent(id)}`;

/** What the last decision did, with the person it concerned. */
interface Outcome {
  text: string;
  person: string;
}

/** One pending correction: the person, the field, before → after, the reason, who proposed it and when; approve or decline. */
function EditItem({ edit, onDecided }: { edit: PendingEdit; onDecided: (o: Outcome) => void }): ReactNode {
  const t = useT(editsText);
  const { lang } = useLang();
  const user = useUser();
  const fieldName = useFieldName();
  const own = edit.proposedBy === user.username;
  const name = edit.summary?.name !== undefined && edit.summary.name !== '' ? edit.summary.name : null;
  const shownName = name ?? t('goneName', { id: edit.person });
  return (
    <li data-edit={edit.edit} data-person={edit.person} data-field={edit.field} data-own={own} data-kind={edit.kind}>
      <div className="row-between">
        <Link to={personPath(edit.person)}>
          <strong>{shownName}</strong>
        </Link>
        {edit.summary !== null && <VerificationBadge state={edit.summary.verification} />}
      </div>
      {edit.kind === 'revert' && (
        <p className="notice" data-testid="revert-note">
          {t('revertNote')}
        </p>
      )}
      <dl className="facts compact">
        <dt>{t('field')}</dt>
        <dd data-testid="field">{fieldName(edit.field)}</dd>
        <dt>{t('change')}</dt>
        <dd>
          <EditChange field={edit.field} before={edit.before} after={edit.after} />
        </dd>
        <dt>{t('reason')}</dt>
        <dd data-testid="reason">{edit.reason}</dd>
        <dt>{t('proposed')}</dt>
        <dd data-testid="proposed-by">
          {t('proposedBy', { who: edit.proposedBy, date: when(edit.proposedAt, lang) })}
        </dd>
      </dl>
      {own && (
        <p className="muted" data-testid="own-note">
          {t('own')}
        </p>
      )}
      <div className="actions edit-actions">
        <ReasonAction
          label={t('approve')}
          testId={`approve-${edit.edit}`}
          disabled={own}
          {...(own ? { disabledWhy: t('ownWhy') } : {})}
          onSubmit={async (reason) => {
            await approveEdit(edit.edit, reason);
            onDecided({
              text: t('approved', { field: fieldName(edit.field), name: shownName }),
              person: edit.person,
            });
          }}
        />
        <ReasonAction
          label={own ? t('withdraw') : t('decline')}
          danger
          testId={`decline-${edit.edit}`}
          onSubmit={async (reason) => {
            await declineEdit(edit.edit, reason);
            onDecided({ text: t(own ? 'withdrawn' : 'declined', { name: shownName }), person: edit.person });
          }}
        />
      </div>
    </li>
  );
}

/**
 * /queues/edits: corrections of confirmed persons waiting for a second editor, oldest first. The proposer
 * sees their own but cannot approve them (the server answers 403 anyway); after a decision the list reloads.
 */
export function EditQueuePage(_props: PageProps): ReactNode {
  const t = useT(editsText);
  const tc = useT(common);
  const { search } = useLocation();
  const navigate = useNavigate();
  const offset = Math.max(0, Number(search.get('offset') ?? '0') || 0);
  const loaded = useLoad((signal) => pendingEdits({ limit: LIMIT + 1, offset }, signal), [offset]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const all = loaded.data?.edits ?? [];
  const more = all.length > LIMIT;
  const list = all.slice(0, LIMIT);
  const count = pageCount(tc, loaded.data === null ? null : list.length, offset, more);
  return (
    <section className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {outcome !== null && (
        <p className="notice" role="status" data-testid="edit-outcome">
          {outcome.text} <Link to={personPath(outcome.person)}>{t('openPerson')}</Link>
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={loaded.loading}
          onClick={() => {
            setOutcome(null);
            loaded.reload();
          }}
        >
          {t('refresh')}
        </button>
      </div>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && <p className="muted">{tc('loading')}</p>}
      {count !== '' && (
        <p className="count" data-testid="edits-count" role="status">
          {count}
        </p>
      )}
      {!loaded.loading && loaded.error === null && list.length === 0 && (
        <p data-testid="edits-empty">{t('empty')}</p>
      )}
      {list.length > 0 && (
        <ol className="list queue-list" data-testid="edits" start={offset + 1}>
          {list.map((e) => (
            <EditItem
              key={e.edit}
              edit={e}
              onDecided={(o) => {
                setOutcome(o);
                loaded.reload();
              }}
            />
          ))}
        </ol>
      )}
      <Pager
        offset={offset}
        limit={LIMIT}
        more={more}
        onChange={(o) => {
          navigate(o > 0 ? `/queues/edits?offset=${String(o)}` : '/queues/edits', { replace: true });
        }}
      />
    </section>
  );
}
