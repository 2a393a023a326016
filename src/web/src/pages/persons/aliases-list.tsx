import type { ReactNode } from 'react';
import type { PersonAlias } from '../../api/types.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';

const KINDS = new Set(['merged', 'source', 'former']);

/** "Also known as": the other names search finds the person by, each with how it came about. */
export function AliasesList({ aliases }: { aliases: readonly PersonAlias[] | undefined }): ReactNode {
  const t = useT(personsText);
  if (aliases === undefined || aliases.length === 0) return null;
  return (
    <section className="aliases">
      <h2>{t('alsoKnownAs')}</h2>
      <ul>
        {aliases.map((a) => (
          <li key={`${a.alias}\u0001${a.kind}`}>
            {a.alias}
            {KINDS.has(a.kind) && (
              <span className="muted"> · {t(`aliasKind.${a.kind}` as keyof typeof personsText.en)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
