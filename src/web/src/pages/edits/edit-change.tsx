import type { ReactNode } from 'react';
import type { FieldValues } from '../../api/edits.js';
import { editsText } from '../../i18n/edits.js';
import { fieldText } from '../../i18n/fields.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { queuesText } from '../../i18n/queues.js';
import { isCategory, regionName } from '../queues/labels.js';
import { shownValue } from './edit-values.js';

/** A field's name in the interface language (the field's code if the app does not know it). */
export function useFieldName(): (field: string) => string {
  const tf = useT(fieldText);
  return (field) => (Object.hasOwn(fieldText.en, field) ? tf(field as keyof typeof fieldText.en) : field);
}

/** One side of an edit: the value as typed, with the region's or category's name beside it. */
function Value({ field, values, testId }: { field: string; values: FieldValues; testId: string }): ReactNode {
  const t = useT(editsText);
  const tq = useT(queuesText);
  const { lang } = useLang();
  const { text, code } = shownValue(field, values);
  const label = (c: string): string =>
    field === 'region' ? regionName(c, lang) : isCategory(c) ? tq(`category.${c}`) : c;
  if (text === null && code === null)
    return (
      <em className="muted" data-testid={testId}>
        {t('emptyValue')}
      </em>
    );
  return (
    <span data-testid={testId}>
      {text ?? label(code ?? '')}
      {text !== null && code !== null && <span className="muted"> ({label(code)})</span>}
    </span>
  );
}

/** before → after of a field edit. */
export function EditChange({
  field,
  before,
  after,
}: {
  field: string;
  before: FieldValues;
  after: FieldValues;
}): ReactNode {
  return (
    <span className="edit-change">
      <Value field={field} values={before} testId="before" /> <span>→</span>{' '}
      <strong>
        <Value field={field} values={after} testId="after" />
      </strong>
    </span>
  );
}
