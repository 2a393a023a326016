import { useEffect, useRef, type ReactNode } from 'react';
import type { Explanation } from '../../api/types.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { queuesText } from '../../i18n/queues.js';
import { bits, percent, waterfallBars } from './pair-math.js';

// Pieces of the duplicate-review page: the address of a pair, the waterfall with bars, the keyboard.

/** The comparison waterfall as bars: prior, each comparison (green for, red against), total and probability. */
export function PairWaterfall({ explanation }: { explanation: Explanation }): ReactNode {
  const t = useT(queuesText);
  const tf = useT(fieldText);
  const bars = waterfallBars(explanation);
  const lo = Math.min(0, ...bars.map((b) => Math.min(b.start, b.end)));
  const hi = Math.max(0, ...bars.map((b) => Math.max(b.start, b.end)));
  const span = hi - lo || 1;
  const pos = (v: number): number => ((v - lo) / span) * 100;
  const bar = (i: number, kind: string): ReactNode => {
    const b = bars[i] ?? { start: 0, end: 0 };
    const left = pos(Math.min(b.start, b.end));
    const width = Math.max(0.6, pos(Math.max(b.start, b.end)) - left);
    return (
      <span className="wf-track" aria-hidden="true">
        <span className="wf-zero" style={{ left: `${pos(0).toFixed(2)}%` }} />
        <span
          className={`wf-bar ${kind}`}
          style={{ left: `${left.toFixed(2)}%`, width: `${width.toFixed(2)}%` }}
        />
      </span>
    );
  };
  const fieldName = (name: string): string =>
    Object.hasOwn(fieldText.en, name) ? tf(name as keyof typeof fieldText.en) : name;
  const p = percent(explanation.probability);
  return (
    <div className="pair-waterfall" data-testid="waterfall">
      <ol>
        <li>
          <span className="wf-label">{t('prior')}</span>
          {bar(0, explanation.priorWeight >= 0 ? 'plus' : 'minus')}
          <span className={`wf-weight ${explanation.priorWeight >= 0 ? 'plus' : 'minus'}`}>
            {bits(explanation.priorWeight)}
          </span>
        </li>
        {explanation.terms.map((term, i) => (
          <li key={term.comparison} data-comparison={term.comparison} data-weight={term.weight.toFixed(3)}>
            <span className="wf-label">
              <strong>{fieldName(term.comparison)}</strong>: {term.level < 0 ? t('missing') : term.label}
              {(term.valueA !== null || term.valueB !== null) && (
                <span className="muted">
                  {' '}
                  ({term.valueA ?? '—'} ↔ {term.valueB ?? '—'})
                </span>
              )}
            </span>
            {bar(i + 1, term.weight >= 0 ? 'plus' : 'minus')}
            <span className={`wf-weight ${term.weight >= 0 ? 'plus' : 'minus'}`}>{bits(term.weight)}</span>
          </li>
        ))}
        <li className="wf-total">
          <strong className="wf-label">{t('total')}</strong>
          {bar(bars.length - 1, 'total')}
          <strong className={`wf-weight ${explanation.weight >= 0 ? 'plus' : 'minus'}`}>
            {bits(explanation.weight)}
          </strong>
        </li>
      </ol>
      <p
        className="wf-probability"
        data-testid="probability"
        data-probability={explanation.probability.toFixed(6)}
      >
        <strong>{t('probability', { p })}</strong>
      </p>
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${Math.max(1, Math.min(100, explanation.probability * 100)).toFixed(1)}%` }} />
      </div>
    </div>
  );
}

export type PairKey = 'same' | 'different' | 'unsure' | 'next' | 'previous';

// Physical keys (KeyboardEvent.code), so S/D/U/J/K work the same on a Russian layout.
const KEYS: Readonly<Record<string, PairKey>> = {
  KeyS: 'same',
  KeyD: 'different',
  KeyU: 'unsure',
  KeyJ: 'next',
  ArrowRight: 'next',
  KeyK: 'previous',
  ArrowLeft: 'previous',
};

/** Whether a key press belongs to something being typed in (or to a control that uses it), not to the page. */
export function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Calls `onKey` for the review shortcuts pressed on the page (never while typing, never with Ctrl/Alt/Meta). */
export function usePairKeys(onKey: (key: PairKey) => void): void {
  const latest = useRef(onKey);
  useEffect(() => {
    latest.current = onKey;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.defaultPrevented || typingTarget(e.target))
        return;
      const key = KEYS[e.code];
      if (key === undefined) return;
      e.preventDefault();
      latest.current(key);
    };
    window.addEventListener('keydown', listener);
    return () => {
      window.removeEventListener('keydown', listener);
    };
  }, []);
}

/** The shortcuts, shown on the page. */
export function ShortcutLegend({ decide }: { decide: boolean }): ReactNode {
  const t = useT(queuesText);
  const rows: [string, string][] = [
    ...(decide
      ? ([
          ['S', t('key.same')],
          ['D', t('key.different')],
          ['U', t('key.unsure')],
        ] as [string, string][])
      : []),
    ['J / →', t('key.next')],
    ['K / ←', t('key.previous')],
  ];
  return (
    <section className="shortcuts" aria-label={t('shortcuts')} data-testid="shortcuts">
      <h2>{t('shortcuts')}</h2>
      <ul>
        {rows.map(([key, what]) => (
          <li key={key}>
            <kbd>{key}</kbd> {what}
          </li>
        ))}
      </ul>
    </section>
  );
}
