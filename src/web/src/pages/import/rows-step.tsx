import { useState, type ReactNode } from 'react';
import { importRows, type StagedImportView } from '../../api/imports.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Pager } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { common } from '../../i18n/common.js';
import { useT } from '../../i18n/i18n.js';
import { importText } from '../../i18n/import.js';
import { RowCard } from './row-card.js';

const LIMIT = 25;
const COUNTS = [
  'rows',
  'persons',
  'claims',
  'problemRows',
  'errorRows',
  'warnings',
  'excluded',
  'fixed',
] as const;

/** The preview's counts (what a commit would write, and what is left to resolve). */
export function PreviewCounts({ preview }: { preview: NonNullable<StagedImportView['preview']> }): ReactNode {
  const t = useT(importText);
  return (
    <dl className="counts" data-testid="preview-counts">
      {COUNTS.map((k) => (
        <div
          key={k}
          data-count={k}
          data-value={preview[k]}
          className={k === 'errorRows' && preview[k] > 0 ? 'bad' : ''}
        >
          <dt>{t(`count.${k}`)}</dt>
          <dd>{preview[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Step 2: the rows with problems (or every row), each to correct, exclude or restore. `version` reloads them. */
export function RowsStep({
  view,
  version,
  onChanged,
}: {
  view: StagedImportView;
  version: number;
  onChanged: () => void;
}): ReactNode {
  const t = useT(importText);
  const tc = useT(common);
  const [problemsOnly, setProblemsOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  // Rows with problems come from a preview: none is asked for before the user has mapped and previewed
  // (the server would preview with the suggested mapping by itself).
  const waiting = problemsOnly && view.preview === null;
  const rows = useLoad(
    (signal) =>
      waiting
        ? Promise.resolve({ rows: [], total: null })
        : importRows(view.id, { problems: problemsOnly, limit: LIMIT, offset }, signal),
    [view.id, problemsOnly, offset, version, waiting],
  );
  const list = rows.data?.rows ?? [];
  const total = rows.data?.total ?? null;
  return (
    <div className="rows-step">
      {view.preview === null ? (
        <p className="muted">{t('noPreview')}</p>
      ) : (
        <PreviewCounts preview={view.preview} />
      )}
      {message !== null && (
        <p className="notice" role="status" data-testid="row-message">
          {message}
        </p>
      )}
      <div className="row-between">
        <h3>{problemsOnly ? t('problemsTitle') : t('allRows')}</h3>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setProblemsOnly((p) => !p);
            setOffset(0);
          }}
        >
          {problemsOnly ? t('allRows') : t('problemsOnly')}
        </button>
      </div>
      <ErrorMessage error={rows.error} />
      {rows.loading && <p className="muted">{tc('loading')}</p>}
      {!rows.loading && rows.error === null && list.length === 0 && problemsOnly && !waiting && (
        <p data-testid="no-problems">{t('noProblems')}</p>
      )}
      {total !== null && list.length > 0 && (
        <p className="muted">{t('rowsTotal', { from: offset + 1, to: offset + list.length, total })}</p>
      )}
      {list.length > 0 && (
        <ul className="list" data-testid="rows">
          {list.map((row) => (
            <RowCard
              key={`${String(row.row)}-${String(version)}`}
              importId={view.id}
              row={row}
              onDecided={(text) => {
                setMessage(text);
                rows.reload();
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      <Pager
        offset={offset}
        limit={LIMIT}
        more={total === null ? list.length === LIMIT : offset + list.length < total}
        onChange={setOffset}
      />
    </div>
  );
}
