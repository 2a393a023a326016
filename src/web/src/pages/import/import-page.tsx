import { useState, type ReactNode } from 'react';
import {
  commitImport,
  discardImport,
  getImport,
  previewImport,
  type CommitResult,
  type StagedImportView,
} from '../../api/imports.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ReasonAction } from '../../components/reason-action.js';
import { useLoad } from '../../components/use-load.js';
import { common } from '../../i18n/common.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { importText } from '../../i18n/import.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { fileSize, when } from './format.js';
import { MappingStep } from './mapping-step.js';
import { duplicateTarget, initialChoices, mappingOf, type Choices } from './mapping.js';
import { RowsStep } from './rows-step.js';

const sameChoices = (a: Choices, b: Choices): boolean =>
  Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);

/** Map, preview, review rows, then commit or discard one staged file. */
function Review({
  view,
  onChanged,
  onCommitted,
}: {
  view: StagedImportView;
  onChanged: () => void;
  onCommitted: (r: CommitResult) => void;
}): ReactNode {
  const t = useT(importText);
  const [choices, setChoices] = useState<Choices>(() => initialChoices(view));
  const [personColumn, setPersonColumn] = useState(view.personColumn ?? '');
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [failure, setFailure] = useState<{ step: 'preview' | 'commit'; error: unknown } | null>(null);
  const [version, setVersion] = useState(0);
  // What the last preview used: committing reads the file the same way, so a changed mapping needs a preview first.
  const previewed =
    view.preview === null ? null : { choices: initialChoices(view), personColumn: view.personColumn ?? '' };
  const dirty =
    previewed === null || !sameChoices(previewed.choices, choices) || previewed.personColumn !== personColumn;
  const twice = duplicateTarget(choices);
  const errorRows = view.preview?.errorRows ?? 0;

  const preview = async (): Promise<void> => {
    setBusy('preview');
    setFailure(null);
    try {
      await previewImport(view.id, {
        mapping: mappingOf(view, choices),
        ...(personColumn === '' ? {} : { personColumn }),
      });
      setVersion((v) => v + 1);
      onChanged();
    } catch (e) {
      setFailure({ step: 'preview', error: e });
    } finally {
      setBusy(null);
    }
  };
  const commit = async (): Promise<void> => {
    setBusy('commit');
    setFailure(null);
    try {
      onCommitted(await commitImport(view.id, {}));
      onChanged();
    } catch (e) {
      setFailure({ step: 'commit', error: e });
      // a refused commit may mean new problems were found: show the current counts
      setVersion((v) => v + 1);
      onChanged();
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="step1">
        <h2 id="step1">{t('step1')}</h2>
        <MappingStep
          view={view}
          choices={choices}
          personColumn={personColumn}
          onChoice={(header, choice) => {
            setChoices((c) => ({ ...c, [header]: choice }));
          }}
          onPersonColumn={setPersonColumn}
        />
        <div className="actions">
          <button
            type="button"
            className={dirty ? 'primary' : ''}
            disabled={busy !== null || twice !== null}
            onClick={() => void preview()}
            data-testid="preview"
          >
            {busy === 'preview' ? t('previewing') : t('preview')}
          </button>
        </div>
        {failure?.step === 'preview' && <ErrorMessage error={failure.error} />}
      </section>
      <section className="panel" aria-labelledby="step2">
        <h2 id="step2">{t('step2')}</h2>
        <RowsStep view={view} version={version} onChanged={onChanged} />
      </section>
      <section className="panel" aria-labelledby="step3">
        <h2 id="step3">{t('step3')}</h2>
        <p className="muted">{t('commitIntro')}</p>
        {dirty && <p className="warn">{t('commitNeedsPreview')}</p>}
        {!dirty && errorRows > 0 && <p className="warn">{t('commitBlocked', { n: errorRows })}</p>}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={busy !== null || dirty || errorRows > 0}
            onClick={() => void commit()}
            data-testid="commit"
          >
            {busy === 'commit' ? t('committing') : t('commit')}
          </button>
          <ReasonAction
            label={t('discard')}
            danger
            testId="discard"
            onSubmit={async (reason) => {
              await discardImport(view.id, reason);
              onChanged();
            }}
          />
        </div>
        {failure?.step === 'commit' && <ErrorMessage error={failure.error} />}
      </section>
    </>
  );
}

/** /imports/:id: one staged file from upload to commit. */
export function ImportPage({ params }: PageProps): ReactNode {
  const t = useT(importText);
  const tc = useT(common);
  const { lang } = useLang();
  const id = params.id ?? '';
  const loaded = useLoad((signal) => getImport(id, signal), [id]);
  const [committed, setCommitted] = useState<CommitResult | null>(null);
  const view = loaded.data;
  return (
    <section className="page">
      {view === null ? (
        <>
          <h1>{t('title')}</h1>
          <ErrorMessage error={loaded.error} />
          {loaded.loading && <p className="muted">{tc('loading')}</p>}
        </>
      ) : (
        <>
          <h1>{t('fileTitle', { name: view.fileName })}</h1>
          <p className="muted">
            {t('fileFacts', {
              format: view.format.toUpperCase(),
              size: fileSize(view.size),
              who: view.createdBy,
              date: when(view.createdAt, lang),
            })}{' '}
            ·{' '}
            <span className="badge" data-state={view.state}>
              {t(`state.${view.state}`)}
            </span>
          </p>
          <p>
            <Link to="/imports">{t('queueTitle')}</Link>
          </p>
          <ErrorMessage error={loaded.error} />
          {view.state === 'committed' && (
            <p className="notice" role="status" data-testid="committed">
              {committed === null
                ? t('committedText')
                : t('committed', {
                    persons: committed.persons,
                    claims: committed.claims,
                    rows: committed.rows,
                  })}{' '}
              <Link to="/persons">{t('openPersons')}</Link>
            </p>
          )}
          {view.state === 'discarded' && <p className="warn">{t('discardedText')}</p>}
          {view.state === 'staged' && (
            <Review view={view} onChanged={loaded.reload} onCommitted={setCommitted} />
          )}
        </>
      )}
    </section>
  );
}
