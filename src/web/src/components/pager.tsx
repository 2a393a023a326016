import type { ReactNode } from 'react';
import { common } from '../i18n/common.js';
import { useT, type Translate } from '../i18n/i18n.js';

/** Previous / next over offset paging; `more` is whether the last page came back full. */
export function Pager({
  offset,
  limit,
  more,
  onChange,
}: {
  offset: number;
  limit: number;
  more: boolean;
  onChange: (offset: number) => void;
}): ReactNode {
  const t = useT(common);
  if (offset === 0 && !more) return null;
  return (
    <div className="pager">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => {
          onChange(Math.max(0, offset - limit));
        }}
      >
        {t('previous')}
      </button>
      <span>{t('page', { n: Math.floor(offset / limit) + 1 })}</span>
      <button
        type="button"
        disabled={!more}
        onClick={() => {
          onChange(offset + limit);
        }}
      >
        {t('next')}
      </button>
    </div>
  );
}

/**
 * The line above a paged queue: "{n} waiting" when everything fits on the first page, else the rows shown
 * (and whether more follow). Empty until the page has loaded.
 */
export function pageCount(t: Translate<'waitingAll' | 'shownPage' | 'shownRange'>, shown: number | null, offset: number, more: boolean): string {
  if (shown === null) return '';
  if (offset === 0 && !more) return t('waitingAll', { n: shown });
  return t(more ? 'shownPage' : 'shownRange', { from: shown === 0 ? 0 : offset + 1, to: offset + shown });
}
