import { useState, type ReactNode } from 'react';
import { addSource } from '../../api/intake.js';
import { SOURCE_KIND_LIST, type SourceKind, type SourceView } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useT } from '../../i18n/i18n.js';
import { intakeText } from '../../i18n/intake.js';

type Text = 'url' | 'publisher' | 'publishedAt' | 'language' | 'excerpt';

/** Step 1: the source (URL, kind, publisher, date, language, excerpt, sensitivity). */
export function SourceForm({ onSaved }: { onSaved: (source: SourceView) => void }): ReactNode {
  const t = useT(intakeText);
  const [values, setValues] = useState<Record<Text, string>>({
    url: '',
    publisher: '',
    publishedAt: '',
    language: '',
    excerpt: '',
  });
  const [kind, setKind] = useState<SourceKind>('local_media');
  const [sensitivity, setSensitivity] = useState<'public' | 'restricted'>('public');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: Text) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
  };
  const opt = (k: Text): string | undefined => (values[k].trim() === '' ? undefined : values[k].trim());
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const publisher = opt('publisher');
      const published = opt('publishedAt');
      const language = opt('language');
      const excerpt = opt('excerpt');
      const source = await addSource({
        kind,
        url: values.url.trim(),
        sensitivity,
        ...(publisher === undefined ? {} : { publisher }),
        ...(published === undefined ? {} : { published_at: published }),
        ...(language === undefined ? {} : { language }),
        ...(excerpt === undefined ? {} : { excerpt }),
      });
      onSaved(source);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="form"
      aria-label={t('step1')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="grid-2">
        <label>
          {t('url')}
          <input name="url" type="url" inputMode="url" required value={values.url} onChange={set('url')} />
          <small>{t('urlHint')}</small>
        </label>
        <label>
          {t('kind')}
          <select
            name="kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as SourceKind);
            }}
          >
            {SOURCE_KIND_LIST.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('publisher')}
          <input name="publisher" value={values.publisher} onChange={set('publisher')} />
        </label>
        <label>
          {t('publishedAt')}
          <input name="published_at" value={values.publishedAt} onChange={set('publishedAt')} />
          <small>{t('publishedAtHint')}</small>
        </label>
        <label>
          {t('language')}
          <input name="language" value={values.language} onChange={set('language')} maxLength={20} />
          <small>{t('languageHint')}</small>
        </label>
        <label>
          {t('sensitivity')}
          <select
            name="sensitivity"
            value={sensitivity}
            onChange={(e) => {
              setSensitivity(e.target.value === 'restricted' ? 'restricted' : 'public');
            }}
          >
            <option value="public">{t('sensitivity.public')}</option>
            <option value="restricted">{t('sensitivity.restricted')}</option>
          </select>
        </label>
      </div>
      <label>
        {t('excerpt')}
        <textarea name="excerpt" value={values.excerpt} onChange={set('excerpt')} />
        <small>{t('excerptHint')}</small>
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('saveSource')}
        </button>
      </div>
    </form>
  );
}
