import { useId, useState, type ReactNode } from 'react';
import { importQueue, recordFileType, uploadImport, XLSX_TYPE } from '../../api/imports.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Pager } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { common } from '../../i18n/common.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { importText } from '../../i18n/import.js';
import { Link, useLocation, useNavigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { fileSize, when } from './format.js';

const LIMIT = 50;
const MAX_BYTES = 50 * 1024 * 1024;

/** Pick a CSV/XLSX file and stage it; the review page of the new import opens. */
function UploadForm(): ReactNode {
  const t = useT(importText);
  const navigate = useNavigate();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    setError(null);
    setProblem(null);
    if (file === null) {
      setProblem(t('chooseFile'));
      return;
    }
    const type = recordFileType(file);
    if (type === null) {
      setProblem(t('badType', { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblem(t('tooLarge', { name: file.name, size: fileSize(file.size) }));
      return;
    }
    setBusy(true);
    try {
      const staged = await uploadImport(file, type);
      navigate(`/imports/${encodeURIComponent(staged.id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form
      className="form panel"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`}>{t('uploadTitle')}</h2>
      <label htmlFor={id}>
        {t('file')}
        <small>{t('fileHint')}</small>
      </label>
      <input
        id={id}
        name="file"
        type="file"
        accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setProblem(null);
        }}
      />
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('uploading') : t('upload')}
        </button>
      </div>
    </form>
  );
}

/** Bulk import: upload a record file, and the import-review queue of files waiting for their commit. */
export function ImportsPage(_props: PageProps): ReactNode {
  const t = useT(importText);
  const tc = useT(common);
  const { lang } = useLang();
  const { search } = useLocation();
  const navigate = useNavigate();
  const offset = Math.max(0, Number(search.get('offset') ?? '0') || 0);
  const queue = useLoad((signal) => importQueue({ limit: LIMIT + 1, offset }, signal), [offset]);
  const all = queue.data?.imports ?? [];
  const list = all.slice(0, LIMIT);
  return (
    <section className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <UploadForm />
      <h2>{t('queueTitle')}</h2>
      <p className="muted">{t('queueIntro')}</p>
      <ErrorMessage error={queue.error} />
      {queue.loading && <p className="muted">{tc('loading')}</p>}
      {!queue.loading && queue.error === null && list.length === 0 && <p>{t('queueEmpty')}</p>}
      {list.length > 0 && (
        <ul className="list" data-testid="import-queue">
          {list.map((s) => (
            <li key={s.id} data-import={s.id}>
              <div className="row-between">
                <Link to={`/imports/${encodeURIComponent(s.id)}`}>
                  <strong>{s.fileName}</strong>
                </Link>
                <span className="muted">
                  {s.format.toUpperCase()}, {fileSize(s.size)}
                </span>
              </div>
              <div className="muted">
                {t('uploadedBy', { who: s.createdBy, date: when(s.createdAt, lang) })}
              </div>
              <div>
                {s.preview === null
                  ? t('notPreviewed')
                  : t('previewLine', {
                      rows: s.preview.rows,
                      problems: s.preview.problemRows,
                      errors: s.preview.errorRows,
                    })}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager
        offset={offset}
        limit={LIMIT}
        more={all.length > LIMIT}
        onChange={(o) => {
          navigate(o > 0 ? `/imports?offset=${String(o)}` : '/imports', { replace: true });
        }}
      />
    </section>
  );
}
