import type { ReactNode } from 'react';
import { fieldText } from '../i18n/fields.js';
import { useT } from '../i18n/i18n.js';
import { VERIFICATION_LIST, type Verification } from '../api/types.js';

const known = (v: string): v is Verification => (VERIFICATION_LIST as readonly string[]).includes(v);

/** reported / confirmed / rejected / disputed, coloured. */
export function VerificationBadge({ state }: { state: string }): ReactNode {
  const t = useT(fieldText);
  return (
    <span className={`badge ${state}`} data-verification={state}>
      {known(state) ? t(`verification.${state}`) : state}
    </span>
  );
}
