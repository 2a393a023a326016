import type { ReactNode } from 'react';
import type { CandidateMatch } from '../../api/types.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { Waterfall } from '../../components/waterfall.js';
import { useT } from '../../i18n/i18n.js';
import { intakeText } from '../../i18n/intake.js';
import { Link } from '../../router.js';

/** A probability as a percentage for people: one decimal, "<0.1" rather than a misleading 0, ">99.9" rather than 100. */
export function percent(probability: number): string {
  const p = probability * 100;
  if (p > 0 && p < 0.1) return '<0.1';
  if (p < 100 && p > 99.9) return '>99.9';
  return (Math.round(p * 10) / 10).toString();
}

/** The register's likeliest matches for the name being typed, with probability and why. */
export function CandidateList({
  candidates,
  busy,
  onAccept,
}: {
  candidates: readonly CandidateMatch[];
  busy: boolean;
  onAccept: (c: CandidateMatch) => void;
}): ReactNode {
  const t = useT(intakeText);
  return (
    <ul className="list" data-testid="candidates">
      {candidates.map((c) => {
        const p = percent(c.probability);
        return (
          <li key={c.person.id} data-person={c.person.id}>
            <div className="row-between">
              <span>
                <Link to={`/persons/${encodeURIComponent(c.person.id)}`} target="_blank" rel="noopener">
                  <strong>{c.person.name}</strong>
                </Link>{' '}
                <VerificationBadge state={c.person.verification} />
              </span>
              <span className="muted">
                {[c.person.birth, c.person.death, c.person.region]
                  .filter((x) => x !== null && x !== '')
                  .join(' · ')}
              </span>
            </div>
            <div aria-label={t('probability', { p })}>
              <div className="muted" data-testid="probability">
                {t('probability', { p })}
              </div>
              <div className="meter">
                <span style={{ width: `${String(Math.max(1, Math.min(100, c.probability * 100)))}%` }} />
              </div>
            </div>
            <details>
              <summary>{t('why')}</summary>
              <Waterfall explanation={c.explanation} />
            </details>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => {
                  onAccept(c);
                }}
              >
                {t('addToThis')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
