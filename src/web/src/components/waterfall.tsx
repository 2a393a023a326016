import type { ReactNode } from 'react';
import type { Explanation } from '../api/types.js';
import { useT } from '../i18n/i18n.js';
import { intakeText } from '../i18n/intake.js';

const bits = (w: number): string => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(1)}`;

/** The comparison waterfall: the prior, then each comparison's contribution (in bits), then the total. */
export function Waterfall({ explanation }: { explanation: Explanation }): ReactNode {
  const t = useT(intakeText);
  return (
    <ol className="waterfall" data-testid="waterfall">
      <li>
        <span>{t('prior')}</span>
        <span className={explanation.priorWeight >= 0 ? 'plus' : 'minus'}>
          {bits(explanation.priorWeight)}
        </span>
      </li>
      {explanation.terms.map((term) => (
        <li key={term.comparison}>
          <span>
            <strong>{term.comparison}</strong>: {term.level < 0 ? t('missing') : term.label}
            {term.valueA !== null && term.valueB !== null && (
              <span className="muted">
                {' '}
                ({term.valueA} ↔ {term.valueB})
              </span>
            )}
          </span>
          <span className={term.weight >= 0 ? 'plus' : 'minus'}>{bits(term.weight)}</span>
        </li>
      ))}
      <li>
        <strong>{t('total')}</strong>
        <strong className={explanation.weight >= 0 ? 'plus' : 'minus'}>{bits(explanation.weight)}</strong>
      </li>
    </ol>
  );
}
