import { useState, type ReactNode } from 'react';
import { splitClaim } from '../../api/persons.js';
import {
  FACT_FIELDS,
  SOURCE_KIND_LIST,
  type ClaimView,
  type PersonDetail,
  type SourceKind,
} from '../../api/types.js';
import { intakeText } from '../../i18n/intake.js';
import { ReasonAction } from '../../components/reason-action.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { Link } from '../../router.js';
import { useCan } from '../../session.js';

const SOURCE_KINDS: ReadonlySet<string> = new Set(SOURCE_KIND_LIST);

function ClaimHead({
  claim,
  canSplit,
  onSplit,
}: {
  claim: ClaimView;
  canSplit: boolean;
  onSplit: (newPerson: string) => void;
}): ReactNode {
  const t = useT(personsText);
  const ti = useT(intakeText);
  return (
    <div className="claim-head">
      <div>
        <strong>
          {SOURCE_KINDS.has(claim.source_kind)
            ? ti(`kind.${claim.source_kind as SourceKind}`)
            : claim.source_kind}
        </strong>
      </div>
      {claim.source_published_at !== null && (
        <div className="muted">{t('published', { date: claim.source_published_at })}</div>
      )}
      {claim.source_url !== null && (
        <div>
          <a href={claim.source_url} rel="noopener noreferrer nofollow" target="_blank">
            {t('openSource')}
          </a>
        </div>
      )}
      {canSplit && (
        <ReasonAction
          label={t('split')}
          testId={`split-${claim.id}`}
          onSubmit={async (reason) => {
            const r = await splitClaim(claim.id, reason);
            onSplit(r.person);
          }}
        />
      )}
    </div>
  );
}

/**
 * Every fact with its sources, claims side by side: one column per claim (its source above), one row per
 * fact; a fact whose claims disagree is highlighted. On a phone the table scrolls inside its own box.
 */
export function FactsTable({
  detail,
  onChanged,
}: {
  detail: PersonDetail;
  onChanged: () => void;
}): ReactNode {
  const t = useT(personsText);
  const tf = useT(fieldText);
  const can = useCan();
  const [splitOff, setSplitOff] = useState<string | null>(null);
  const conflicts = new Set(detail.facts.filter((f) => f.conflict).map((f) => f.field));
  const fields = FACT_FIELDS.filter((f) => detail.claims.some((c) => (c[f] ?? '').trim() !== ''));
  const canSplit = can('person.merge') && detail.claims.length > 1;
  if (detail.claims.length === 0) return <p>{t('noFacts')}</p>;
  return (
    <>
      <p className="muted">{t('factsIntro')}</p>
      {splitOff !== null && (
        <p className="notice" role="status">
          {t('splitDone')} <Link to={`/persons/${encodeURIComponent(splitOff)}`}>{t('openNew')}</Link>
        </p>
      )}
      <div className="table-wrap">
        <table className="facts-table" data-testid="facts">
          <thead>
            <tr>
              <th scope="col">{t('fact')}</th>
              {detail.claims.map((c) => (
                <th key={c.id} scope="col">
                  <ClaimHead
                    claim={c}
                    canSplit={canSplit}
                    onSplit={(id) => {
                      setSplitOff(id);
                      onChanged();
                    }}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr
                key={f}
                className={conflicts.has(f) ? 'conflict' : ''}
                data-field={f}
                data-conflict={conflicts.has(f) ? 'true' : 'false'}
              >
                <th scope="row">
                  {tf(f)}
                  {conflicts.has(f) && (
                    <>
                      {' '}
                      <span className="badge conflict">{t('conflict')}</span>
                    </>
                  )}
                </th>
                {detail.claims.map((c) => (
                  <td key={c.id}>{c[f] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
