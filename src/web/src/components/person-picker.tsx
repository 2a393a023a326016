import { useEffect, useId, useState, type ReactNode } from 'react';
import { listPersons } from '../api/persons.js';
import type { PersonSummary } from '../api/types.js';
import { personsText } from '../i18n/persons.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage } from './error-message.js';
import { VerificationBadge } from './verification-badge.js';

/** Find another person by name (or paste an id) and pick one; `exclude` is left out of the results. */
export function PersonPicker({
  exclude,
  onPick,
}: {
  exclude: string;
  onPick: (id: string | null) => void;
}): ReactNode {
  const t = useT(personsText);
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<PersonSummary[]>([]);
  const [picked, setPicked] = useState<PersonSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || picked !== null) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      listPersons({ q, limit: 8 }, controller.signal)
        .then((r) => {
          setFound(r.persons.filter((p) => p.id !== exclude));
          setError(null);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setError(e);
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, exclude, picked]);
  return (
    <div className="field">
      <label htmlFor={id}>{t('mergeTarget')}</label>
      <input
        id={id}
        name="merge-target"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPicked(null);
          // a pasted id is taken as it is
          onPick(/^[0-9a-f-]{16,}$/i.test(e.target.value.trim()) ? e.target.value.trim() : null);
        }}
      />
      <small>{t('mergeTargetHint')}</small>
      <ErrorMessage error={error} />
      {picked !== null && <p className="notice">{t('picked', { name: picked.name })}</p>}
      {found.length > 0 && (
        <ul className="list">
          {found.map((p) => (
            <li key={p.id} className="row-between">
              <span>
                {p.name} {p.birth ?? ''} <VerificationBadge state={p.verification} />
              </span>
              <button
                type="button"
                onClick={() => {
                  setPicked(p);
                  setText(p.name);
                  onPick(p.id);
                }}
              >
                {t('pick')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
