import { useState, type ReactNode } from 'react';
import type { SourceView } from '../../api/types.js';
import { useT } from '../../i18n/i18n.js';
import { intakeText } from '../../i18n/intake.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { EvidenceUpload } from './evidence-upload.js';
import { PersonForm, type Recorded } from './person-form.js';
import { SourceForm } from './source-form.js';

/** Intake: the source, its evidence files, then the persons it names (linked to existing ones or new). */
export function IntakePage(_props: PageProps): ReactNode {
  const t = useT(intakeText);
  const [source, setSource] = useState<SourceView | null>(null);
  const [recorded, setRecorded] = useState<Recorded[]>([]);
  const [round, setRound] = useState(0);
  return (
    <section className="page" key={round}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="panel" aria-labelledby="step1">
        <h2 id="step1">{t('step1')}</h2>
        {source === null ? (
          <SourceForm onSaved={setSource} />
        ) : (
          <div data-testid="source-saved" data-source={source.id}>
            <p className="notice" role="status">
              {t('sourceSaved')}
            </p>
            <dl className="facts">
              <dt>{t('url')}</dt>
              <dd>
                <code>{source.url}</code>
              </dd>
              <dt>{t('kind')}</dt>
              <dd>{source.kind}</dd>
              <dt>{t('sensitivity')}</dt>
              <dd>{source.sensitivity}</dd>
            </dl>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setSource(null);
                setRecorded([]);
                setRound((r) => r + 1);
              }}
            >
              {t('anotherSource')}
            </button>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="step2">
        <h2 id="step2">{t('step2')}</h2>
        {source === null ? (
          <p className="muted">{t('needSource')}</p>
        ) : (
          <EvidenceUpload sourceId={source.id} />
        )}
      </section>
      <section className="panel" aria-labelledby="step3">
        <h2 id="step3">{t('step3')}</h2>
        {recorded.length > 0 && (
          <div role="status">
            <h3>{t('recordedHere')}</h3>
            <ul data-testid="recorded">
              {recorded.map((r) => (
                <li key={`${r.person}-${String(r.added)}`}>
                  {r.added ? t('addedClaim', { name: r.name }) : t('recorded', { name: r.name })}{' '}
                  <Link to={`/persons/${encodeURIComponent(r.person)}`}>{t('openPerson')}</Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {source === null ? (
          <p className="muted">{t('needSource')}</p>
        ) : (
          <PersonForm
            sourceId={source.id}
            onRecorded={(r) => {
              setRecorded((list) => [...list, r]);
            }}
          />
        )}
      </section>
    </section>
  );
}
