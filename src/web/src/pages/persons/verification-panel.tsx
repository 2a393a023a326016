import { useState, type ReactNode } from 'react';
import { decide, type Decision } from '../../api/persons.js';
import type { PersonDetail } from '../../api/types.js';
import { ReasonAction } from '../../components/reason-action.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { useCan, useUser } from '../../session.js';

const ACTIONS: readonly { decision: Decision; key: 'confirm' | 'reject' | 'dispute' }[] = [
  { decision: 'confirmed', key: 'confirm' },
  { decision: 'rejected', key: 'reject' },
  { decision: 'disputed', key: 'dispute' },
];

/** The state of the reported death and, for verifiers, confirm / reject / dispute with a written reason. */
export function VerificationPanel({
  detail,
  onChanged,
}: {
  detail: PersonDetail;
  onChanged: () => void;
}): ReactNode {
  const t = useT(personsText);
  const tf = useT(fieldText);
  const can = useCan();
  const user = useUser();
  const [done, setDone] = useState<string | null>(null);
  const mayDecide = can('person.decide');
  const own = detail.person.created_by === user.username;
  const why = !mayDecide ? t('notVerifier') : own ? t('ownRecord') : undefined;
  return (
    <section className="panel" aria-labelledby="verification-title">
      <h2 id="verification-title">{t('verificationTitle')}</h2>
      <p>
        {t('verificationState')}
        <VerificationBadge state={detail.person.verification} />
      </p>
      {done !== null && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {why !== undefined && <p className="muted">{why}</p>}
      <div className="actions">
        {ACTIONS.map((a) => (
          <ReasonAction
            key={a.decision}
            label={t(a.key)}
            testId={`decide-${a.key}`}
            danger={a.decision === 'rejected'}
            disabled={!mayDecide || own || detail.person.merged_into !== null}
            {...(why === undefined ? {} : { disabledWhy: why })}
            onSubmit={async (reason) => {
              await decide(detail.person.id, a.decision, reason);
              setDone(t('decided', { state: tf(`verification.${a.decision}`) }));
              onChanged();
            }}
          />
        ))}
      </div>
    </section>
  );
}
