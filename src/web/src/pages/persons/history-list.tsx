import { useState, type ReactNode } from 'react';
import { revertEvent } from '../../api/persons.js';
import type { AuditEvent } from '../../api/types.js';
import { ReasonAction } from '../../components/reason-action.js';
import { editsText } from '../../i18n/edits.js';
import { useLang, useT, type Lang } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { Link } from '../../router.js';
import { useCan } from '../../session.js';

const KNOWN_ACTIONS = new Set(
  Object.keys(personsText.en)
    .filter((k) => k.startsWith('action.'))
    .map((k) => k.slice('action.'.length)),
);

/** A scalar as text, anything else as compact JSON. */
const show = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/** A value of before/after as one short line per key (nested values as compact JSON). */
function Values({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value !== 'object') return <span>{show(value)}</span>;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined && v !== '',
  );
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="facts">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt>{k}</dt>
          <dd>{show(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function when(at: string, lang: Lang): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : d.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Field changes: on a confirmed person their revert waits for a second editor (REV-4EYES). */
const FIELD_CHANGES = new Set(['person.edit', 'person.revert']);

/** The person's history, oldest first: who, when, what, before → after, and a revert button where the server allows one. */
export function HistoryList({
  personId,
  events,
  confirmed = false,
  onChanged,
}: {
  personId: string;
  events: readonly AuditEvent[];
  /** The person is confirmed: a field revert is only proposed. */
  confirmed?: boolean;
  onChanged: () => void;
}): ReactNode {
  const t = useT(personsText);
  const te = useT(editsText);
  const { lang } = useLang();
  const can = useCan();
  const [done, setDone] = useState<{ text: string; pending: boolean } | null>(null);
  if (events.length === 0) return <p>{t('historyEmpty')}</p>;
  return (
    <>
      {done !== null && (
        <p className="notice" role="status" data-testid="revert-done" data-pending={done.pending}>
          {done.text}
          {done.pending && can('person.edit.approve') && (
            <>
              {' '}
              <Link to="/queues/edits">{te('openQueue')}</Link>
            </>
          )}
        </p>
      )}
      <ol className="list history" data-testid="history">
        {events.map((e) => (
          <li key={e.seq} data-action={e.action} data-seq={e.seq}>
            <div className="row-between">
              <span>
                <strong>{e.actor}</strong>{' '}
                {KNOWN_ACTIONS.has(e.action)
                  ? t(`action.${e.action}` as keyof typeof personsText.en)
                  : e.action}
              </span>
              <span className="muted">
                <time dateTime={e.at}>{when(e.at, lang)}</time> · {t('event', { seq: e.seq })}
              </span>
            </div>
            <div className="grid-2 before-after">
              <div>
                <div className="muted">{t('before')}</div>
                <Values value={e.change?.before ?? e.before} />
              </div>
              <div>
                <div className="muted">{t('after')}</div>
                <Values value={e.change?.after ?? e.after} />
              </div>
            </div>
            {e.reason !== undefined && (
              <p className="muted" data-testid={`reason-${e.seq}`}>
                {t('reason')}: {e.reason}
              </p>
            )}
            {can('person.revert') && e.revertible === true && (
              <ReasonAction
                label={t('revert')}
                testId={`revert-${e.seq}`}
                onSubmit={async (reason) => {
                  const r = await revertEvent(personId, e.seq, reason);
                  const pending = r.state === 'pending';
                  setDone({ text: pending ? t('revertPending') : t('reverted', { seq: e.seq }), pending });
                  onChanged();
                }}
              >
                {confirmed && FIELD_CHANGES.has(e.action) && (
                  <p className="muted" data-testid={`revert-waits-${e.seq}`}>
                    {t('revertWaits')}
                  </p>
                )}
              </ReasonAction>
            )}
            {can('person.revert') && e.revertible === false && e.revertNote !== undefined && (
              <p className="muted">{e.revertNote}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
