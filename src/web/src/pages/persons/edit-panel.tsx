import { useId, useState, type ReactNode } from 'react';
import { editField } from '../../api/persons.js';
import { FACT_FIELDS, type PersonDetail } from '../../api/types.js';
import { ReasonAction } from '../../components/reason-action.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { editsText } from '../../i18n/edits.js';
import { Link } from '../../router.js';
import { useCan } from '../../session.js';

const EDITABLE = [...FACT_FIELDS, 'status'] as const;
type Editable = (typeof EDITABLE)[number];

/** Correct one of the person's fields with a reason (POST /api/persons/:id/edit); the claims never change. */
export function EditPanel({ detail, onChanged }: { detail: PersonDetail; onChanged: () => void }): ReactNode {
  const t = useT(personsText);
  const tf = useT(fieldText);
  const te = useT(editsText);
  const can = useCan();
  const fieldId = useId();
  const valueId = useId();
  const [field, setField] = useState<Editable>('surname');
  const [value, setValue] = useState('');
  const [done, setDone] = useState<{ text: string; pending: boolean } | null>(null);
  return (
    <section className="panel" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('editTitle')}</h2>
      {done !== null && (
        <p className="notice" role="status" data-testid="edit-done" data-pending={done.pending}>
          {done.text}
          {done.pending && can('person.edit.approve') && (
            <>
              {' '}
              <Link to="/queues/edits">{te('openQueue')}</Link>
            </>
          )}
        </p>
      )}
      <ReasonAction
        label={t('editSave')}
        openLabel={t('editTitle')}
        testId="edit"
        onSubmit={async (reason) => {
          const r = await editField(detail.person.id, {
            field,
            value: value.trim() === '' ? null : value.trim(),
            reason,
            version: detail.person.version ?? 1,
          });
          const pending = r.state === 'pending';
          setDone({ text: pending ? t('editPending') : t('editApplied'), pending });
          setValue('');
          onChanged();
        }}
      >
        <div className="grid-2">
          <div className="field">
            <label htmlFor={fieldId}>{t('editField')}</label>
            <select
              id={fieldId}
              name="edit-field"
              value={field}
              onChange={(e) => {
                setField(e.target.value as Editable);
              }}
            >
              {EDITABLE.map((f) => (
                <option key={f} value={f}>
                  {tf(f)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={valueId}>{t('editValue')}</label>
            <input
              id={valueId}
              name="edit-value"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
              }}
            />
            <small>{t('editValueHint')}</small>
          </div>
        </div>
      </ReasonAction>
    </section>
  );
}
