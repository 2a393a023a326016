import { useId, useState, type ReactNode } from 'react';
import { decideRow, type RowDecision, type StagedRowView } from '../../api/imports.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ReasonAction } from '../../components/reason-action.js';
import { useT } from '../../i18n/i18n.js';
import { importText } from '../../i18n/import.js';
import { isRecordColumn, RECORD_COLUMN_LIST, useColumnLabel, type RecordColumn } from './columns.js';

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

interface Props {
  importId: string;
  row: StagedRowView;
  /** After a decision: what to tell the reviewer, and the row as the server now sees it. */
  onDecided: (message: string, after: StagedRowView) => void;
}

/** One row of a staged file: its problems, its values to correct (problem columns first), exclude or undo. */
export function RowCard({ importId, row, onDecided }: Props): ReactNode {
  const t = useT(importText);
  const label = useColumnLabel();
  const id = useId();
  const [values, setValues] = useState<Partial<Record<RecordColumn, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problemColumns = [...new Set(row.problems.map((p) => p.column).filter(isRecordColumn))];
  const otherColumns = RECORD_COLUMN_LIST.filter((c) => !problemColumns.includes(c));
  const changed = Object.entries(values).filter(([c, v]) => v !== text(row.record[c]));
  const send = async (body: RowDecision, message: (after: StagedRowView) => string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const after = await decideRow(importId, row.row, body);
      setValues({});
      onDecided(message(after), after);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const input = (c: RecordColumn): ReactNode => {
    const inputId = `${id}-${c}`;
    return (
      <label key={c} htmlFor={inputId}>
        {label(c)}
        <input
          id={inputId}
          name={c}
          value={values[c] ?? text(row.record[c])}
          aria-invalid={problemColumns.includes(c)}
          onChange={(e) => {
            setValues((v) => ({ ...v, [c]: e.target.value }));
          }}
        />
      </label>
    );
  };
  return (
    <li className="row-card" data-row={row.row} data-testid={`row-${String(row.row)}`}>
      <div className="row-between">
        <h3>{t('rowTitle', { row: row.row })}</h3>
        {row.excluded !== null && <span className="badge rejected">{t('count.excluded')}</span>}
      </div>
      {row.problems.length > 0 && (
        <ul className="problems">
          {row.problems.map((p, i) => (
            <li key={`${p.column}-${String(i)}`} data-severity={p.severity} data-column={p.column}>
              <span className={`badge ${p.severity === 'error' ? 'rejected' : 'disputed'}`}>
                {t(p.severity)}
              </span>{' '}
              {isRecordColumn(p.column) ? label(p.column) : p.column}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {row.excluded !== null && (
        <p className="muted">{t('excludedBy', { who: row.excluded.by, reason: row.excluded.reason })}</p>
      )}
      {row.fix !== null && <p className="muted">{t('fixedBy', { who: row.fix.by })}</p>}
      {row.excluded === null && (
        <form
          className="form"
          aria-label={t('editRow')}
          onSubmit={(e) => {
            e.preventDefault();
            if (changed.length === 0) return;
            void send({ values: Object.fromEntries(changed) }, (after) =>
              t('fixed', {
                row: row.row,
                left:
                  after.problems.length === 0
                    ? t('fixedClean')
                    : t('fixedStill', { n: after.problems.length }),
              }),
            );
          }}
        >
          {problemColumns.length > 0 && <div className="grid-2">{problemColumns.map(input)}</div>}
          <details>
            <summary>{t('otherColumns')}</summary>
            <div className="grid-2">{otherColumns.map(input)}</div>
          </details>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || changed.length === 0}>
              {t('saveFix')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        {row.excluded === null && (
          <ReasonAction
            label={t('excludeRow')}
            danger
            disabled={busy}
            testId={`exclude-${String(row.row)}`}
            onSubmit={async (reason) => {
              // errors stay in the reason form (it shows them and keeps the reason typed)
              const after = await decideRow(importId, row.row, { exclude: true, reason });
              onDecided(t('excluded', { row: row.row }), after);
            }}
          />
        )}
        {(row.fix !== null || row.excluded !== null) && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void send({ reset: true }, () => t('undone', { row: row.row }))}
          >
            {t('undo')}
          </button>
        )}
      </div>
    </li>
  );
}
