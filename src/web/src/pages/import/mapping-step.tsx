import { useId, type ReactNode } from 'react';
import type { StagedImportView } from '../../api/imports.js';
import { useT } from '../../i18n/i18n.js';
import { importText } from '../../i18n/import.js';
import { RECORD_COLUMN_LIST, useColumnLabel } from './columns.js';
import { duplicateTarget, IGNORE, KEEP, type Choices } from './mapping.js';

interface Props {
  view: StagedImportView;
  choices: Choices;
  personColumn: string;
  onChoice: (header: string, choice: string) => void;
  onPersonColumn: (header: string) => void;
}

/** Step 1: a dropdown per file column, prefilled from the suggested (or last previewed) mapping, with its first values. */
export function MappingStep({ view, choices, personColumn, onChoice, onPersonColumn }: Props): ReactNode {
  const t = useT(importText);
  const label = useColumnLabel();
  const id = useId();
  const twice = duplicateTarget(choices);
  return (
    <div className="mapping">
      <p className="muted">{t('step1Intro')}</p>
      {view.mapping === null && view.suggestedProblem !== null && (
        <p className="warn">{t('suggestedProblem', { problem: view.suggestedProblem })}</p>
      )}
      <ul className="list mapping-list" data-testid="mapping">
        {view.columns.map((header, i) => {
          const samples = view.sample
            .map((row) => row[i] ?? '')
            .filter((v) => v !== '')
            .slice(0, 3);
          const selectId = `${id}-${String(i)}`;
          return (
            <li key={`${header}-${String(i)}`} data-header={header}>
              <label htmlFor={selectId} className="mapping-header">
                <span className="muted">{t('fileColumn')}:</span>{' '}
                <strong>{header === '' ? `#${String(i + 1)}` : header}</strong>
              </label>
              <div className="mapping-sample muted">
                {samples.length > 0 ? `${t('sample')}: ${samples.join(' · ')}` : ''}
              </div>
              <select
                id={selectId}
                name={`map-${header}`}
                aria-label={`${t('target')}: ${header}`}
                value={choices[header] ?? KEEP}
                aria-invalid={twice !== null && choices[header] === twice}
                onChange={(e) => {
                  onChoice(header, e.target.value);
                }}
              >
                <option value={KEEP}>{t('keepExtra')}</option>
                <option value={IGNORE}>{t('ignore')}</option>
                {RECORD_COLUMN_LIST.map((c) => (
                  <option key={c} value={c}>
                    {label(c)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {twice !== null && (
        <p className="error" role="alert">
          {t('duplicateTarget', { column: label(twice) })}
        </p>
      )}
      <label className="field">
        {t('personColumn')}
        <select
          name="personColumn"
          value={personColumn}
          onChange={(e) => {
            onPersonColumn(e.target.value);
          }}
        >
          <option value="">{t('personColumnNone')}</option>
          {view.columns
            .filter((h) => h !== '')
            .map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
        </select>
        <small>{t('personColumnHint')}</small>
      </label>
    </div>
  );
}
