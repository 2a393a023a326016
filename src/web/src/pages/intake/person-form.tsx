import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client.js';
import { candidates as lookUp } from '../../api/intake.js';
import { addClaim, createPerson } from '../../api/persons.js';
import type { CandidateMatch, ClaimInput, FactField } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { intakeText } from '../../i18n/intake.js';
import { useCan } from '../../session.js';
import { CandidateList } from './candidate-list.js';

const MAIN: readonly FactField[] = [
  'surname',
  'given_name',
  'patronymic',
  'full_name',
  'birth_date',
  'region',
  'death_date',
];
const MORE: readonly FactField[] = ['sex', 'age', 'death_place', 'category', 'rank', 'unit'];
/** What the candidate lookup reads (the fields of GET /api/candidates). */
const LOOKUP = [
  'surname',
  'given_name',
  'patronymic',
  'full_name',
  'birth_date',
  'age',
  'region',
  'death_date',
] as const;
const DEBOUNCE_MS = 300;

type Values = Partial<Record<FactField, string>>;

/** The typed facts without blanks. */
function filled(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
}

/** The lookup query for what has been typed, or null while there is too little to look up. */
export function lookupQuery(values: Values): Partial<Record<(typeof LOOKUP)[number], string>> | null {
  const f = filled(values);
  if ((f.surname ?? '').length < 2 && (f.full_name ?? '').length < 2) return null;
  return Object.fromEntries(LOOKUP.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
}

export interface Recorded {
  person: string;
  name: string;
  added: boolean;
}

/** Step 3: a person the source names; candidates appear as the name is typed; link to one or create a new one. */
export function PersonForm({
  sourceId,
  onRecorded,
}: {
  sourceId: string;
  onRecorded: (r: Recorded) => void;
}): ReactNode {
  const t = useT(intakeText);
  const tf = useT(fieldText);
  const can = useCan();
  const [values, setValues] = useState<Values>({});
  const [found, setFound] = useState<CandidateMatch[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const query = lookupQuery(values);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const q = JSON.parse(queryKey) as ReturnType<typeof lookupQuery>;
    if (q === null) {
      setFound(null);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    const timer = window.setTimeout(() => {
      lookUp({ ...q, limit: 5 }, controller.signal)
        .then((r) => {
          setFound(r.candidates);
          setLookupError(null);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setLookupError(e);
        })
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [queryKey]);

  const body = (): ClaimInput => ({ sourceId, ...filled(values) });
  const nameTyped =
    [values.surname, values.given_name, values.patronymic]
      .filter((x) => x !== undefined && x.trim() !== '')
      .join(' ') ||
    (values.full_name ?? '');
  const done = (r: Recorded): void => {
    setValues({});
    setFound(null);
    onRecorded(r);
  };
  const run = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403) && !can('person.read.all'))
        setProblem(t('notOwnDraft'));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const accept = (c: CandidateMatch): Promise<void> =>
    run(async () => {
      const r = await addClaim(c.person.id, body());
      done({ person: r.person, name: c.person.name, added: true });
    });
  const create = (): Promise<void> =>
    run(async () => {
      if (query === null) {
        setProblem(t('needName'));
        return;
      }
      const r = await createPerson(body());
      done({ person: r.person, name: nameTyped, added: false });
    });

  const input = (f: FactField): ReactNode => (
    <label key={f}>
      {tf(f)}
      <input
        name={f}
        autoComplete="off"
        value={values[f] ?? ''}
        onChange={(e) => {
          setValues((v) => ({ ...v, [f]: e.target.value }));
        }}
      />
    </label>
  );

  return (
    <div className="form" data-testid="person-form">
      <p className="muted">{t('personIntro')}</p>
      <div className="grid-2">{MAIN.map(input)}</div>
      <small className="muted">{t('birthRegionHint')}</small>
      <details>
        <summary>{t('more')}</summary>
        <div className="grid-2">{MORE.map(input)}</div>
      </details>
      <section aria-live="polite" aria-labelledby="candidates-title">
        <h3 id="candidates-title">{t('candidates')}</h3>
        {query === null && <p className="muted">{t('candidatesWait')}</p>}
        {query !== null && searching && <p className="muted">{t('candidatesSearching')}</p>}
        <ErrorMessage error={lookupError} />
        {query !== null && found !== null && found.length === 0 && !searching && (
          <p data-testid="no-candidates">{t('candidatesNone')}</p>
        )}
        {query !== null && found !== null && found.length > 0 && (
          <CandidateList candidates={found} busy={busy} onAccept={(c) => void accept(c)} />
        )}
      </section>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void create()} data-testid="create-person">
          {t('createNew')}
        </button>
      </div>
    </div>
  );
}
