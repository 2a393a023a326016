import type { ReactNode } from 'react';
import { common } from '../i18n/common.js';
import { useT } from '../i18n/i18n.js';

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
