import { useState, type ReactNode } from 'react';
import { merge, unmerge } from '../../api/persons.js';
import type { PersonDetail } from '../../api/types.js';
import { PersonPicker } from '../../components/person-picker.js';
import { ReasonAction } from '../../components/reason-action.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { useNavigate } from '../../router.js';

/** Verifiers: merge this person into another (undoable), or undo the merge that absorbed it. */
export function MergePanel({
  detail,
  onChanged,
}: {
  detail: PersonDetail;
  onChanged: () => void;
}): ReactNode {
  const t = useT(personsText);
  const navigate = useNavigate();
  const [target, setTarget] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { person } = detail;
  return (
    <section className="panel" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('mergeTitle')}</h2>
      {done !== null && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {person.merged_into !== null ? (
        <ReasonAction
          label={t('unmerge')}
          testId="unmerge"
          onSubmit={async (reason) => {
            await unmerge(person.id, reason);
            setDone(t('unmergeDone'));
            onChanged();
          }}
        />
      ) : (
        <ReasonAction
          label={t('mergeInto')}
          testId="merge"
          onSubmit={async (reason) => {
            if (target === null) throw new Error(t('mergeTargetHint'));
            const r = await merge(person.id, target, reason);
            setDone(t('mergeDone', { kept: r.kept }));
            if (r.kept !== person.id) navigate(`/persons/${encodeURIComponent(r.kept)}`);
            else onChanged();
          }}
        >
          <PersonPicker exclude={person.id} onPick={setTarget} />
        </ReasonAction>
      )}
    </section>
  );
}
