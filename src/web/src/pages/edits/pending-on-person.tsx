import type { ReactNode } from 'react';
import type { FieldValues } from '../../api/edits.js';
import type { AuditEvent } from '../../api/types.js';
import { editsText } from '../../i18n/edits.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { useCan } from '../../session.js';
import { when } from '../import/format.js';
import { EditChange, useFieldName } from './edit-change.js';

/** The proposals of the person's history still waiting for a second editor (the history carries each edit's state). */
export function pendingProposals(
  events: readonly AuditEvent[],
): (AuditEvent & { change: NonNullable<AuditEvent['change']> })[] {
  return events.filter(
    (e): e is AuditEvent & { change: NonNullable<AuditEvent['change']> } =>
      e.action === 'person.edit.propose' && e.change?.state === 'pending',
  );
}

/** On the person page: corrections proposed for this confirmed person that wait for approval, with the way to the queue. */
export function PendingEdits({ events }: { events: readonly AuditEvent[] }): ReactNode {
  const t = useT(editsText);
  const { lang } = useLang();
  const can = useCan();
  const fieldName = useFieldName();
  const pending = pendingProposals(events);
  if (pending.length === 0) return null;
  return (
    <section className="panel warn" aria-labelledby="pending-edits-title" data-testid="pending-edits">
      <h2 id="pending-edits-title">{t('pendingTitle')}</h2>
      <p>{t('pendingIntro')}</p>
      <ul className="list">
        {pending.map((e) => (
          <li key={e.seq} data-field={e.change.field}>
            <strong>{fieldName(e.change.field)}</strong>:{' '}
            <EditChange
              field={e.change.field}
              before={e.change.before as FieldValues}
              after={e.change.after as FieldValues}
            />
            <div className="muted">
              {t('pendingLine', { who: e.actor, date: when(e.at, lang) })}
              {e.change.reason !== undefined && e.change.reason !== '' ? ` · ${e.change.reason}` : ''}
            </div>
          </li>
        ))}
      </ul>
      <p>
        {can('person.edit.approve') ? (
          <Link to="/queues/edits" data-testid="open-edit-queue">
            {t('openQueue')}
          </Link>
        ) : (
          t('waitsForEditor')
        )}
      </p>
    </section>
  );
}
